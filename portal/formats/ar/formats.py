# Django's Arabic formats have no date with a time, so those would fall back to the American
# settings ("N j, Y, P"). These follow Arabic's own date ("j F، Y") with its 12-hour time ("g:i A").
DATETIME_FORMAT = "j F، Y، g:i A"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
