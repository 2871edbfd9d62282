# British English as the base (day first in what editors type, "24/12/2026"; weeks from
# Monday), with the forms readers see below.
from django.conf.locale.en_GB.formats import *  # noqa: F403

# "1 December 2026, 14:05": the day first and the 24-hour clock, as British and
# European readers write it.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
# For the admin's lists and panels: "1 Dec 2026, 14:05".
SHORT_DATETIME_FORMAT = "j M Y, H:i"
# A date of this year in lists: "28 Nov".
MONTH_DAY_FORMAT = "j M"
