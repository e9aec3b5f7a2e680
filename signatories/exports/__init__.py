"""The exports: the supporters as files (CSV, JSON, Excel), their data package, and the
headers that let other sites' scripts read them. May import the models, the column map and
the vocabularies; nothing below it imports from here."""
