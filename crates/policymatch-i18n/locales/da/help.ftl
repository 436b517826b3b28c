# Help texts (policymatch --help). A command's about line is help-CMD; an argument's is
# help-CMD-ARG, or help-arg-ARG for arguments many commands share.

help-template = {"{"}about-with-newline{"}"}
    Brug: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Kommandoer
help-heading-options = Tilvalg
help-heading-arguments = Argumenter

help-root = Find ud af, hvor en frivillig forenings arbejde møder kommunens politiske mål.
help-arg-lang = Sproget i alt, hvad kommandoen skriver til en person: da (standard) eller en [miljø: POLICYMATCH_LANG]
help-arg-help = Vis hjælp
help-arg-version = Vis versionen
help-arg-format = Outputformat
help-arg-dir = Indeksmappe [standard: $POLICYMATCH_INDEX, ellers .policymatch]
help-arg-profile = Foreningens profil (TOML)
help-arg-municipality = Kun dokumenter fra denne kommune (kan gentages; går forud for profilens liste)
help-arg-top = Antal resultater

help-extract = Skriv teksten på hver side af en PDF, med sideskift imellem.
help-extract-file = PDF-filen
help-extract-normalize = Normalisér som ved indeksering: løbende sidehoveder og -fødder fjernet, NFKC, orddeling ved linjeskift samlet
help-analyze = Vis de ord, den danske analyse laver af TEKST.
help-analyze-text = Teksten, der skal analyseres
help-analyze-index = Brug dette indeks' analyse med ordene fra `index --words`
help-index = Indeksér PDF'er (og dagsordenseksporter, HTML og tekstfiler) under STI...
help-index-paths = Filer eller mapper, der skal indekseres; mapper gennemgås
help-index-manifest = Metadatafil (TSV eller CSV med en `file`-kolonne); en MANIFEST.tsv i en given mappe læses af sig selv
help-index-words = Fagord til opdeling af sammensatte ord (ét pr. linje), gemt med indekset
help-index-timeout = Tidsgrænse for én fil, i sekunder
help-search = Søg i de indekserede passager med fri tekst.
help-search-query = Søgningen
help-list = Vis de indekserede dokumenter.
help-suggest = Rangér indekserede passager efter en forenings profil, og sig hvorfor hver matcher.
help-suggest-area = Kun dokumenter fra dette politikområde (kan gentages; går forud for profilens liste)
help-suggest-since = Kun dokumenter fra dette år (ÅÅÅÅ) eller denne dato (ÅÅÅÅ-MM-DD) og frem
help-suggest-new = Kun dokumenter, som den seneste `index`-kørsel tilføjede
help-eval = Mål rangeringens kvalitet mod vurderinger af sider.
help-eval-profiles = Mappe med profiler (*.toml)
help-eval-config = Rangeringens indstillinger (TOML som RankConfig); en [sweep]-tabel afprøver indstillinger
help-eval-loo = Udelad én profil ad gangen over afprøvningen (den indbyggede uden --config)
help-eval-qrels = Vurderinger, tabulatorsepareret: profil, fil, side, karakter (0-2)
help-deadlines = Vis det, en forening kan handle på: høringer, ansøgningsfrister, møder, frister og revisioner.
help-deadlines-profile = Kun frister, der vedrører denne profil
help-deadlines-after = Kun frister på eller efter denne dato (ÅÅÅÅ-MM-DD eller ÅÅÅÅ) [standard: for et år siden]
help-deadlines-kind = Kun denne slags (consultation, application, meeting, deadline, revision; kan gentages)
help-deadlines-upcoming = Kun det, der stadig ligger forude i dag (daterede med sidste dag i dag eller senere)
help-deadlines-format = Outputformat: tekst, JSON eller en iCalendar-fil (ics) at abonnere på
help-timeline = Vis, hvor en politik eller sag står: dens dagsordenspunkter i datoorden med deres fase.
help-timeline-query = Ord fra politikken eller sagen (fx "sundhedspolitik")
help-timeline-case = Et sagsnummer
help-timeline-top = Antal sager, der vises for en søgning
help-export = Eksportér alle passager med metadata, til en distribueret søgemaskine.
help-report = Skriv en rapport til en forening: bedste fund pr. politik og udvalg, hvem der skal kontaktes, frister, et diagram og udkast til pitch (én selvstændig HTML-side).
help-report-top = Antal fund
help-report-out = Skriv rapporten til denne fil i stedet for til standard-output
help-help = Vis denne hjælp eller hjælpen til de givne kommandoer

# fetch, watch, and index --max-file-size
help-index-max_file_size = Spring filer over, der er større end dette antal MiB (uden at læse dem)
help-fetch = Hent dagsordener (og med --attachments deres bilag) fra kommunernes dagsordensportaler (dagsordener.<kommune>.dk) til en mappe, som index kan læse.
help-fetch-portal = Dagsordensportalen (fx https://dagsordener.greve.dk; kan gentages)
help-fetch-portals = En fil med portaler, én pr. linje: URL og eventuelt kommunens korte navn
help-fetch-since = Kun møder på eller efter denne dato (ÅÅÅÅ-MM-DD eller ÅÅÅÅ)
help-fetch-committee = Kun dette udvalg, med navnet som på portalen (kan gentages)
help-fetch-attachments = Hent også dagsordenspunkternes bilag
help-fetch-out = Mappen, der hentes til (oprettes, hvis den mangler)
help-fetch-dry_run = Vis, hvad der ville blive hentet (kun udvalgslisterne hentes)
help-fetch-rate = Højst så mange forespørgsler i sekundet
help-fetch-timeout = Tidsgrænse for én forespørgsel, i sekunder
help-fetch-retries = Antal nye forsøg efter 429, 5xx, en tidsgrænse eller en afbrudt forbindelse
help-fetch-max_size = Størrelsesgrænse for ét bilag, i MB (dagsordener: 20 MB)
help-watch = Følg kommunen: skriv for hver profil et Atom-feed, en kalenderfil og et dansk overblik over det nye siden sidste kørsel, og send overblikket med e-mail, når det er sat op.
help-watch-config = Opsætningen (TOML): profiler, kommuner, sager, mappe til resultaterne, e-mail
help-watch-follow = Følg dette sagsnummer fra nu af (kan gentages; gemmes med indekset)
help-watch-today = Dagen, kørslen regner fra (ÅÅÅÅ-MM-DD) [standard: i dag]

# command-line usage errors (clap's, said by policymatch)
usage-missing = disse påkrævede argumenter mangler: { $args }
usage-unknown-command = ukendt kommando '{ $value }'
usage-unknown-argument = uventet argument '{ $arg }'
usage-conflict = argumentet '{ $arg }' kan ikke bruges sammen med '{ $prior }'
usage-invalid-value = ugyldig værdi '{ $value }' til '{ $arg }': { $detail }
usage-possible-values = mulige værdier: { $values }
usage-empty-value = en værdi skal angives
usage-missing-command = angiv en kommando
help-possible-values = [mulige værdier: { $values }]
help-default = [standard: { $value }]
help-who = Vis, hvem I skal tale med: udvalg, enheder og personer bag profilens bedste match og kommende begivenheder.
help-who-profile = Foreningens profil (TOML)
help-who-top = Antal udvalg, enheder og personer at vise

# value names in help and usage (help-value-WORD for each word of clap's value name) and the
# usage line's word for options
help-usage-options = [TILVALG]
help-value-command = KOMMANDO
help-value-dir = MAPPE
help-value-file = FIL
help-value-profile = PROFIL
help-value-profiles = PROFILMAPPE
help-value-top = ANTAL
help-value-format = FORMAT
help-value-municipality = KOMMUNE
help-value-area = OMRÅDE
help-value-year = ÅR
help-value-date = DATO
help-value-case = SAG
help-value-kind = SLAGS
help-value-name = NAVN
help-value-paths = STI
help-value-text = TEKST
help-value-query = SØGNING
help-value-qrels = VURDERINGER
help-value-manifest = MANIFEST
help-value-words = ORDLISTE
help-value-timeout = SEKUNDER
help-value-out = FIL
help-value-config = OPSÆTNING
help-value-rate = PR_SEKUND
help-value-retries = FORSØG
help-value-max_size = MB
help-value-after = DATO
help-value-since = DATO
