"""The downloads: the CSV and JSON streams (`stream`), the full exports written once per
revision (`files`), the Excel workbook (`xlsx`), the Frictionless data package
(`datapackage`), what the directory says of itself as a publication (`published`), the
headers that open the data to other sites and answer conditional requests (`headers`), and
the views.

May import the records, the shared modules at the top of `signatories/`, and the list's
parameters (`signatories.directory.filters`, `.keys`), which filter a download as they
filter the page; never another package's views.
"""
