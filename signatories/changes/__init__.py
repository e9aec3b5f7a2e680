"""What changed, newest first: the events read from the records' history (`events`), the
sentences that describe them (`entries`), the page's parameters (`forms`), the page
(`views`) and its Atom feed (`feeds`).

May import the records and the shared modules at the top of `signatories/`; no other
subject package.
"""
