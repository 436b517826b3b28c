# The report (HTML and Markdown).

report-title = policymatch: { $name } og kommunens mål
report-lead = Hvor foreningens arbejde møder kommunens politiske mål
report-all-municipalities = alle indekserede kommuner
report-count = { $count } fund i { $groups } politikker og udvalg
report-how-to-title = Sådan bruger I rapporten:
report-how-to = find det mål, jeres arbejde hjælper med at nå; se hvem i forvaltningen eller hvilket udvalg der ejer det, og hvornår der er høring eller frist; tag det korte pitch med, ret det til, og tag kontakt.
report-overview = Overblik: hvor stærkt matcher hver politik og hvert udvalg?
report-matches = Fund, grupperet efter politik og udvalg
report-no-matches = Ingen passager matcher profilen over scoregrænsen.
report-committee = Udvalg: { $name }
report-unknown-municipality = kommune ukendt
report-footer = Lavet med policymatch. Passagerne er rangeret efter, hvor mange af profilens temaer, aktiviteter og målgrupper de nævner, og om de udtrykker mål, indsatser, beslutninger, puljer eller høringer. Pitchet bygger kun på to kilder: citaterne er ordrette fra kommunens dokumenter med side, resten er foreningens egen profil. Tjek altid kilden, før I sender.
report-page = side { $page }
report-stage = Fase: { $stage }
report-unit = Enhed: { $unit }
report-case = Sagsnr. { $case }
report-meeting = Møde { $date }
report-also-in = Samme tekst også i: { $places }
report-place = { $title } s. { $page }
report-pitch = Udkast til pitch ({ $words } ord)
report-pitch-short = Udkast til pitch
report-source = Kilde: { $path }
report-deadlines = Høringer og frister
report-no-deadlines = Ingen høringer eller frister fundet i de dokumenter, der matcher profilen.
report-past-deadlines = Ingen kommende frister fundet; her er de seneste, der vedrører profilen:
report-col-date = Dato
report-col-what = Hvad
report-col-document = Dokument
report-col-sentence = Sætning
report-item = punkt { $item }
report-page-short = s. { $page }
report-implicit-date = * dateret efter mødet eller dokumentet, ikke i sætningen.
report-chart-label = Styrke pr. politik og udvalg
report-chart-empty = Intet at vise.
report-chart-bar = { $label }: { $count } fund
report-chart-legend = Søjlelængde: samlet matchscore; tallet er antal fund. Mørk: politik, lys: udvalg.

md-title = { $name }: hvor foreningens arbejde møder kommunens mål
md-municipalities = Kommuner: { $list }
md-overview = Overblik
md-group = { $count } fund, styrke { $strength }
md-none-found = Ingen fundet.
md-past-deadlines = Ingen kommende; de seneste, der vedrører profilen:
md-matches = Fund
md-why = Hvorfor
md-who = Hvem
who-stage = fase: { $value }
who-committee = udvalg: { $value }
who-unit = enhed: { $value }
who-case = sagsnr. { $value }
who-meeting = møde { $value }

# The agenda item a fetched attachment (bilag) belongs to.
attachment-of = bilag til punkt { $item } »{ $caption }«, { $committee } { $date }

# Whom to talk to (`who` and the report's section).
report-who = Hvem sagerne ligger hos
report-who-lead = Udvalg, enheder og personer bag profilens bedste fund og kommende begivenheder, flest først.
who-kind-committee = Udvalg
who-kind-unit = Enhed
who-kind-person = Person
who-line = { $rank }. { $kind }: { $name } — { $matches } match, { $events ->
    [one] 1 kommende begivenhed
   *[other] { $events } kommende begivenheder
}
