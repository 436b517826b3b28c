# The report (HTML and Markdown).

report-title = policymatch: { $name } and the municipality's goals
report-lead = Where the association's work meets the municipality's political goals
report-all-municipalities = all indexed municipalities
report-count = { $count } matches in { $groups } policies and committees
report-how-to-title = How to use the report:
report-how-to = find the goal your work helps reach; see who in the administration or which committee owns it, and when there is a consultation or deadline; take the short pitch, adjust it, and get in touch.
report-overview = Overview: how strongly does each policy and committee match?
report-matches = Matches, grouped by policy and committee
report-no-matches = No passage meets the profile above the score floor.
report-committee = Committee: { $name }
report-unknown-municipality = municipality unknown
report-footer = Made with policymatch. Passages are ranked by how many of the profile's themes, activities and target groups they name, and whether they state goals, initiatives, decisions, funding or consultations. The pitch rests on two sources only: the quotes are word for word from the municipality's documents, with page, and the rest is the association's own profile. Always check the source before you send it.
report-page = page { $page }
report-stage = Stage: { $stage }
report-unit = Unit: { $unit }
report-case = Case { $case }
report-meeting = Meeting { $date }
report-also-in = The same text also in: { $places }
report-place = { $title } p. { $page }
report-pitch = Draft pitch ({ $words } words)
report-pitch-short = Draft pitch
report-source = Source: { $path }
report-deadlines = Consultations and deadlines
report-no-deadlines = No consultations or deadlines found in the documents that match the profile.
report-past-deadlines = No upcoming deadlines found; here are the latest that concern the profile:
report-col-date = Date
report-col-what = What
report-col-document = Document
report-col-sentence = Sentence
report-item = item { $item }
report-page-short = p. { $page }
report-implicit-date = * dated by the meeting or document, not in the sentence.
report-chart-label = Strength per policy and committee
report-chart-empty = Nothing to show.
report-chart-bar = { $label }: { $count } matches
report-chart-legend = Bar length: total match score; the number is the number of matches. Dark: policy, light: committee.

md-title = { $name }: where the association's work meets the municipality's goals
md-municipalities = Municipalities: { $list }
md-overview = Overview
md-group = { $count } matches, strength { $strength }
md-none-found = None found.
md-past-deadlines = None upcoming; the latest that concern the profile:
md-matches = Matches
md-why = Why
md-who = Who
who-stage = stage: { $value }
who-committee = committee: { $value }
who-unit = unit: { $value }
who-case = case { $value }
who-meeting = meeting { $value }

# The agenda item a fetched attachment (bilag) belongs to.
attachment-of = attachment to item { $item } «{ $caption }», { $committee } { $date }

# Whom to talk to (`who` and the report's section).
report-who = Who handles the cases
report-who-lead = Committees, units and people behind the profile's best matches and upcoming events, most first.
who-kind-committee = Committee
who-kind-unit = Unit
who-kind-person = Person
who-line = { $rank }. { $kind }: { $name } — { $matches ->
    [one] 1 match
   *[other] { $matches } matches
}, { $events ->
    [one] 1 upcoming event
   *[other] { $events } upcoming events
}
