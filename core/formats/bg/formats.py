# "7 декември 2016 г., 14:30": the year followed by "г." (година), the month in lower case
# (see core.formatting). Cyrillic letters are not format characters, so need no escaping.
DATE_FORMAT = "j F Y г."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y г., H:i"
YEAR_MONTH_FORMAT = "F Y г."
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a no-break space: "1 332 240,00 лв." never splits across lines
NUMBER_GROUPING = 3
