# The watch's feed, calendar, digest and mail (policymatch-watch).

watch-month-1 = January
watch-month-2 = February
watch-month-3 = March
watch-month-4 = April
watch-month-5 = May
watch-month-6 = June
watch-month-7 = July
watch-month-8 = August
watch-month-9 = September
watch-month-10 = October
watch-month-11 = November
watch-month-12 = December
# A day: "14 August 2024".
watch-date = { $day } { $month } { $year }
watch-date-unknown = unknown date

# Digest sections and the feed's categories.
watch-section-match = New matches
watch-section-deadline = Consultations and deadlines
watch-section-meeting = Meetings
watch-section-case = Followed cases
watch-kind-match = match
watch-kind-deadline = deadline
watch-kind-meeting = meeting
watch-kind-case = case

watch-title = News from the municipality for { $profile }
watch-all-municipalities = all municipalities in the index
watch-new-count = { $count ->
    [0] nothing new
    [one] 1 new item
   *[other] { $count } new items
}
watch-intro = Run { $date } · { $places } · { $what } since the last run.
watch-nothing-new-line = Nothing new since the last run.
watch-subject = { $count ->
    [one] policymatch: 1 new for { $profile }
   *[other] policymatch: { $count } new for { $profile }
}

watch-source = Source
watch-page = page
watch-item = item
watch-case = Case
watch-committee = Committee
watch-stage = stage
watch-terms = Words from the profile
watch-on-the-agenda = On the agenda
watch-keys = Keys
watch-made-by = Made by policymatch watch.

watch-match-title = New match: { $title }
watch-meeting-title = Meeting of { $committee } { $date }
# "stage: consultation (before: draft / discussion)"
watch-stage-change = stage: { $now } (before: { $before })
watch-stage-now = stage: { $now }
watch-calendar-name = Upcoming deadlines and meetings for { $profile }
