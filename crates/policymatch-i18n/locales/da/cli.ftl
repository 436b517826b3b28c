# The policymatch command: output, summaries, errors and hints.

cli-error = policymatch: fejl: { $message }
cli-usage-error = policymatch: fejl: { $message } (tip: se `policymatch --help`)
cli-internal-error = policymatch: intern fejl: { $message } (meld det gerne som en fejl)
cli-bad-lang = ukendt sprog { $value }; vælg da eller en

# suggest
suggest-passage = { $rank }. { $title } — { $municipality } s. { $page }{ $heading }  (score { $score })
suggest-why = hvorfor
suggest-who = hvem
suggest-also-in = også i: { $path } s. { $page }
suggest-none = policymatch: ingen passage matcher profilen »{ $name }« godt nok (scoregrænse { $floor }); prøv med færre filtre eller flere temaer
suggest-bad-since = --since { $value }: forventede et år (2024) eller en dato (2024-03-01)
suggest-while = foreslår for { $path }
md-suggest-title = Hvor { $name } møder kommunens mål
md-suggest-none = Ingen passage i de indekserede dokumenter matcher profilen godt nok.
md-suggest-lead = { $count } passager fra kommunale politikker og mødepapirer, bedste match først. Matchede ord står med **fed**.
md-suggest-page = side { $page }
md-suggest-source = Kilde: { $path }
md-suggest-also-in = Samme tekst står også i { $places }.
md-suggest-place = { $path } s. { $page }

# report
report-wrote = policymatch: skrev { $path }
report-none = policymatch: ingen passager matcher profilen over scoregrænsen

# search, list, eval, deadlines, timeline
search-none = policymatch: ingen passager matcher { $query }
list-pages = { $count } sider
list-passages = { $count } passager
eval-no-judgments = policymatch: profilen { $name } har ingen vurderinger; ikke målt
eval-reading = læser { $path }
eval-point = punkt { $label }: { $line }
eval-best = bedst i gennemsnit: { $label }
eval-held-out = udeladt { $profile }: nDCG@10 { $ndcg } under { $label }
eval-loo = udelad-én-profil: gennemsnitlig nDCG@10 { $loo } P@5 { $p5 }; på alle profiler { $in_sample } under { $label }; forskel { $gap }
deadlines-item = punkt { $item }
deadlines-page = s. { $page }
deadlines-undated = udateret
deadlines-unreadable = (datoen "{ $date }" findes ikke; begivenheden står som udateret)
deadlines-calendar-name = policymatch: høringer og frister
deadlines-ics-left-out = policymatch: { $count } begivenheder uden dag eller måned er ikke med i kalenderen
deadlines-source = Kilde
deadlines-none = policymatch: ingen høringer eller frister fra { $date } og frem
deadlines-bad-after = --after { $value }: forventede ÅÅÅÅ-MM-DD eller ÅÅÅÅ
timeline-case = Sag { $case }
timeline-item = punkt { $item }
timeline-none = policymatch: ingen dagsordenspunkter fundet
timeline-need-query = angiv en SØGNING eller --case NUMMER

# index
index-no-such-path = { $path }: ingen sådan fil eller mappe
index-rebuilt = policymatch: { $path }: indekset var { $why }; lavede det igen, alle filer indekseres på ny
index-summary = indekseret { $indexed } / uændret { $unchanged } / fjernet { $removed } / sprunget over { $skipped } / ignoreret { $ignored } / fejlet { $failed }; { $documents } dokumenter, { $pages } sider, { $passages } passager på { $seconds } s (indeks { $index })
index-skipped = sprunget over { $path }: { $reason }
index-failed = fejlet { $path }: { $reason }
extract-no-text = policymatch: { $path }: intet tekstlag (kun billeder eller tom PDF)
cli-no-executable = kan ikke finde programmet policymatch

# fetch
fetch-bad-rate = --rate { $rate }: skal være et antal forespørgsler i sekundet over 0
fetch-plan-check = tjek
fetch-plan-get = hent
fetch-plan-unnamed = (navngives efter svaret)
fetch-plan-line = { $action } { $url } -> { $file }
fetch-plan-summary = ville hente { $count } adresser til { $out } ({ $conditional } findes allerede og spørges betinget); fejlet { $failed }
fetch-summary = dagsordener hentet { $agendas } / uændret { $agendas_unchanged }; bilag hentet { $attachments } / uændret { $attachments_unchanged }; fejlet { $failed }; { $requests } forespørgsler ({ $conditional } betingede, { $retries } nye forsøg) til { $out }
# watch
watch-bad-today = --today { $value }: forventede en dato (2024-03-01)
watch-profile-line = policymatch: { $name }: { $new } nye ({ $matches } match, { $deadlines } frister, { $meetings } møder, { $cases } sagspunkter), { $events } kommende begivenheder{ $mailed } -> { $files }
watch-mailed = , sendt med e-mail
watch-following = policymatch: følger sagerne { $cases }
watch-mail-error = policymatch: { $message } (overblikkene er ikke sendt og går med næste kørsel)
watch-nothing-new = policymatch: intet nyt siden sidste kørsel

# errors from the libraries, said by the command (issue 18)
err-io-not-found = filen eller mappen findes ikke
err-io-permission = ingen adgang
err-io-is-dir = er en mappe, ikke en fil
err-io-invalid-data = indholdet kan ikke læses (ikke gyldig UTF-8?)
err-io-other = kan ikke læses eller skrives ({ $detail })
err-io-not-dir = er ikke en mappe
err-io-exists = findes allerede
err-io-not-empty = mappen er ikke tom
err-io-read-only = filsystemet er skrivebeskyttet
err-io-full = der er ikke mere plads på disken
err-io-too-large = filen er for stor
err-io-eof = filen slutter før forventet
err-io-timed-out = tiden løb ud
err-io-busy = filen eller enheden er optaget
err-io-crosses-devices = kan ikke flyttes mellem to filsystemer
err-io-bad-name = navnet er ikke gyldigt
err-io-memory = der er ikke hukommelse nok
err-file-io = { $path }: { $reason }
err-profile-io = profilen { $path } kan ikke læses: { $reason }
err-profile-invalid = profilen { $path } (linje { $line }, kolonne { $column }) er ikke gyldig: { $detail }
err-rank-config = rangeringens indstillinger { $path } er ikke gyldige: { $detail }
err-profile-empty = profilen { $path } er tom; skriv mindst `name = "..."` og `description = "..."`
err-watch-config = opsætningen { $path } (linje { $line }, kolonne { $column }) er ikke gyldig: { $detail }
err-index = indekset { $path } kan ikke bruges: { $detail }
err-index-locked = indekset { $path } er låst af { $holder }; vent til den er færdig, eller stop den
err-manifest = manifestet { $path } (linje { $line }) er ikke gyldigt: { $detail }
err-query = søgningen { $query } kan ikke forstås: { $detail }
err-no-index = der er intet indeks i { $path }; kør først `policymatch index MAPPE` (eller angiv --index MAPPE)

who-none = policymatch: ingen udvalg, enheder eller personer bag profilens match

# watch: the configuration, the state file and mail
err-config-no-profiles = `profiles` er tom; angiv mindst én profilfil
err-config-top-zero = `top` skal være mindst 1
err-config-empty-case = et tomt sagsnummer
err-config-from = `from`: { $detail }
err-config-no-recipients = `to` er tom; angiv mindst én modtager
err-config-to = `to`: { $detail }
err-config-no-host = `host` er tom
err-watch-state-damaged = { $path }: er ikke en watch-tilstand ({ $detail }); flyt den væk for at starte forfra
err-watch-state-version = { $path }: er skrevet af en anden version af policymatch (udgave { $found }, forventede { $expected })
err-watch-same-name = { $path }: en anden profil på listen har samme filnavn; omdøb den ene
err-mail-address = { $address } er ikke en e-mailadresse ({ $detail })
err-mail-build = e-mailen kan ikke bygges: { $detail }
err-mail-server = SMTP-serveren { $at }: { $detail }
err-mail-no-password = SMTP-brugeren { $user } skal have en adgangskode i ${ $env }
err-mail-send = overblikket kan ikke sendes gennem { $at }: { $detail }

# why a file was skipped or failed (index)
problem-unsupported = ikke et dokument, policymatch kan læse (PDF, dagsordens-JSON eller -XML, Word .doc eller .docx, HTML eller tekst)
problem-broken-link = symbolsk link til noget, der ikke findes
problem-link-loop = symbolsk link i ring
problem-folder-visited = symbolsk link i ring (mappen er allerede gennemgået)
problem-too-deep = mapperne ligger for dybt i hinanden
problem-not-regular = ikke en almindelig fil
problem-ignore-patterns = mønstrene i ignoreringsfilen bruges ikke: { $detail }
problem-manifest = manifestet bruges ikke: linje { $line }: { $detail }
problem-manifest-unreadable = manifestet bruges ikke: { $reason }
problem-manifest-empty = manifestet er tomt; det skal have en overskriftsrække med en `file`-kolonne
problem-manifest-row = rækken kan ikke læses: { $detail }
problem-manifest-no-file-column = overskriftsrækken har ingen `file`-kolonne
problem-manifest-no-file = rækken har ingen værdi i `file`-kolonnen
problem-manifest-year = året { $year } er ikke et tal
problem-too-large = { $size }, over grænsen på { $limit }
problem-unreadable = kan ikke læses: { $reason }
problem-io = fejl i filsystemet: { $detail }
problem-no-text-layer = intet tekstlag (kun billeder, eller en tom PDF)
problem-encrypted = krypteret
problem-not-pdf = ikke en PDF (begynder ikke med %PDF)
problem-empty = tom fil
problem-malformed-pdf = beskadiget PDF: { $detail }
problem-extractor-crashed = udtrækningen gik ned: { $detail }
problem-timeout = tiden løb ud efter { $seconds } s
problem-out-of-memory = løb tør for hukommelse (grænse { $mib } MiB)
problem-worker-died = udtrækningsprocessen døde: { $detail }
problem-output-too-large = den udtrukne tekst fylder over { $mib } MiB
problem-docx-not-zip = ikke et læsbart Word-dokument (zip: { $detail })
problem-docx-no-document = ikke et Word-dokument (ingen word/document.xml)
problem-docx-part-too-large = Word-dokumentets del { $part } fylder { $size } udpakket, over grænsen på { $limit }
problem-docx-file-too-large = Word-dokumentets del { $part } fylder { $size } udpakket sammen med delene før den, over grænsen på { $limit } for én fil
problem-docx-damaged = beskadiget Word-dokument (XML: { $detail })
problem-doc-not-compound = ikke et læsbart Word 97-2003-dokument (sammensat fil: { $detail })
problem-doc-no-document = ikke et Word-dokument (ingen WordDocument-strøm)
problem-doc-encrypted = krypteret Word-dokument
problem-doc-damaged = beskadiget Word-dokument ({ $detail })
problem-doc-no-table-stream = ingen tabelstrøm
problem-doc-piece-table-outside = stykketabellen ligger uden for tabelstrømmen
problem-doc-fib-short = filinformationsblokken er for kort
problem-doc-no-fib = ingen filinformationsblok
problem-doc-broken-piece-table = stykketabellen kan ikke læses
problem-doc-text-outside = tekst uden for dokumentstrømmen
problem-not-utf8 = ikke gyldig UTF-8-tekst
problem-no-text = ingen tekst
problem-json-invalid = ugyldig JSON: { $detail }
problem-json-not-agenda = JSON, der ikke er en dagsordenseksport (ingen "Dagsordenpunkter"-liste)
problem-json-no-items = dagsorden uden punkter
problem-xml-not-agenda = XML, der ikke er en dagsordensudgivelse (SBSYS/eDagsorden <Publication>)
problem-xml-damaged = beskadiget dagsordens-XML: { $detail }
problem-xml-no-items = dagsordensudgivelse uden punkter
problem-reader-crashed = læseren gik ned: { $detail }
problem-internal = intern fejl: { $detail }

# why a URL could not be fetched (fetch)
fetch-err-timeout = { $url }: intet svar inden for { $seconds } s
fetch-err-too-large = { $url }: større end grænsen på { $limit }
fetch-err-truncated = { $url }: svaret blev afbrudt ({ $got } af { $expected } byte)
fetch-err-redirect-loop = { $url }: omdirigeringer i ring ({ $hops } omdirigeringer)
fetch-err-wait-too-long = { $url }: serveren beder om at vente { $seconds } s (Retry-After), mere end de tilladte { $max } s
fetch-err-unasked-not-modified = { $url }: 304 Not Modified, uden at der blev spurgt betinget
fetch-err-not-a-portal = { $url }: ikke en dagsordensportal ({ $reason })
fetch-err-bad-agenda = { $url }: ikke en dagsorden ({ $reason })
fetch-err-no-committees = intet "Udvalg"-objekt
fetch-err-no-items = ingen "Dagsordenpunkter"-liste
fetch-err-not-pdf = { $url }: ikke en PDF ({ $what })
fetch-err-html = en HTML-side
fetch-err-empty = tom
fetch-err-no-header = begynder ikke med %PDF-
fetch-err-not-url = { $url }: ikke en http(s)-adresse
fetch-err-no-portals = { $file }: ingen portaler
fetch-err-bad-since = --since { $value }: ikke en dato (ÅÅÅÅ-MM-DD eller ÅÅÅÅ)
fetch-err-no-committee = { $url }: intet udvalg ved navn '{ $name }' (der er: { $known })
