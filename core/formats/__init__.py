"""How the portal writes dates, times and numbers in each of its languages.

Django reads these modules first (``FORMAT_MODULE_PATH``) and falls back to its own locale
formats for whatever they leave out, such as the input formats of the admin's date fields.
Every language has one date style, with the month written out and the day not zero-padded,
and 24-hour times. The short formats are the long ones: "07/12/2016" reads as 12 July to an
American and as 7 December to everyone else, so the portal writes no numeric dates.

Romanian and Bulgarian write month names in lower case; Django's catalogues capitalise them,
which ``core.formatting.write_month_names_in_lower_case`` corrects.
"""
