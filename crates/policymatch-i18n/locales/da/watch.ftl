# The watch's feed, calendar, digest and mail (policymatch-watch).

watch-month-1 = januar
watch-month-2 = februar
watch-month-3 = marts
watch-month-4 = april
watch-month-5 = maj
watch-month-6 = juni
watch-month-7 = juli
watch-month-8 = august
watch-month-9 = september
watch-month-10 = oktober
watch-month-11 = november
watch-month-12 = december
# A day: "14. august 2024".
watch-date = { $day }. { $month } { $year }
watch-date-unknown = ukendt dato

# Digest sections and the feed's categories.
watch-section-match = Nye match
watch-section-deadline = Høringer og frister
watch-section-meeting = Møder
watch-section-case = Fulgte sager
watch-kind-match = match
watch-kind-deadline = frist
watch-kind-meeting = møde
watch-kind-case = sag

watch-title = Nyt fra kommunen for { $profile }
watch-all-municipalities = alle kommuner i indekset
watch-new-count = { $count ->
    [0] intet nyt
    [one] 1 nyt punkt
   *[other] { $count } nye punkter
}
watch-intro = Kørt { $date } · { $places } · { $what } siden sidste kørsel.
watch-nothing-new-line = Intet nyt siden sidste kørsel.
watch-subject = { $count ->
    [one] policymatch: 1 nyt for { $profile }
   *[other] policymatch: { $count } nye for { $profile }
}

watch-source = Kilde
watch-page = side
watch-item = punkt
watch-case = Sag
watch-committee = Udvalg
watch-stage = fase
watch-terms = Ord fra profilen
watch-on-the-agenda = På dagsordenen
watch-keys = Nøgler
watch-made-by = Lavet af policymatch watch.

watch-match-title = Nyt match: { $title }
watch-meeting-title = Møde i { $committee } { $date }
# "fase: høring (før: udkast / drøftelse)"
watch-stage-change = fase: { $now } (før: { $before })
watch-stage-now = fase: { $now }
watch-calendar-name = Kommende frister og møder for { $profile }
