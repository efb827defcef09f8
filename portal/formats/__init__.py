"""Date formats per language (FORMAT_MODULE_PATH). Templates and Python name a format
("DATE_FORMAT", "SHORT_DATE_FORMAT"...) and each language writes it its own way: Django's formats
for French, Spanish and Arabic; for English, the ones the portal has always shown."""
