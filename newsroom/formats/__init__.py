"""Date formats for each language of the site (FORMAT_MODULE_PATH), read before Django's own.

Templates name a format (`|date:"DATETIME_FORMAT"`) rather than spell one out, so that
each edition writes dates its own way. Only what the site's templates use is here; any
other format comes from Django's locale for the language.
"""
