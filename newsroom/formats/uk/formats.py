# "1 грудня 2026, 14:05": the month in the genitive (E), as a Ukrainian date is read, and
# no "р." after the year, which a news page does without.
DATE_FORMAT = "j E Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"
# For the admin's lists and panels: "01.12.2026, 14:05" (abbreviated months are not
# written in Ukrainian as they are in English).
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
# A date of this year in lists: "28 листопада".
MONTH_DAY_FORMAT = "j E"
