# The portal's English dates spell the month out ("15 March 2027"), and its tables abbreviate it
# ("15 Mar 2027"), 24-hour times; Django's British defaults are shorter and in a.m./p.m.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
