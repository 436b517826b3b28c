# Help texts (policymatch --help). A command's about line is help-CMD; an argument's is
# help-CMD-ARG, or help-arg-ARG for arguments many commands share.

help-template = {"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments

help-root = Find where a volunteer association's work meets a municipality's stated goals.
help-arg-lang = Language of everything the command writes for a person: da (default) or en [env: POLICYMATCH_LANG]
help-arg-help = Print help
help-arg-version = Print version
help-arg-format = Output format
help-arg-dir = Index directory [default: $POLICYMATCH_INDEX, else .policymatch]
help-arg-profile = The association's profile (TOML)
help-arg-municipality = Only documents from this municipality (repeatable; overrides the profile's list)
help-arg-top = Number of results

help-extract = Print the text of each page of a PDF, pages separated by form feeds.
help-extract-file = The PDF file
help-extract-normalize = Normalise as for indexing: running headers and footers dropped, NFKC, line-end hyphenation joined
help-analyze = Show the tokens the Danish analyzer makes of TEXT.
help-analyze-text = The text to analyze
help-analyze-index = Use this index's analyzer, with the words added by `index --words`
help-index = Index the PDFs (and agenda exports, HTML and text files) under PATH...
help-index-paths = Files or folders to index; folders are walked
help-index-manifest = Metadata manifest (TSV or CSV with a `file` column); a MANIFEST.tsv inside a given folder is read automatically
help-index-words = Domain words for compound splitting (one per line), kept with the index
help-index-timeout = Time limit for one file, in seconds
help-search = Search indexed passages with free text.
help-search-query = The query
help-list = List indexed documents.
help-suggest = Rank indexed passages against an association's profile and say why each matches.
help-suggest-area = Only documents of this policy area (repeatable; overrides the profile's list)
help-suggest-since = Only documents from this year (YYYY) or date (YYYY-MM-DD) on
help-suggest-new = Only documents added by the last `index` run
help-eval = Measure ranking quality against graded page-level judgments.
help-eval-profiles = Folder of profiles (*.toml)
help-eval-config = Ranking settings (TOML, the shape of RankConfig); a [sweep] table tries settings
help-eval-loo = Leave one profile out at a time over the sweep (the built-in one without --config)
help-eval-qrels = Judgments, tab-separated: profile, file, page, grade (0-2)
help-deadlines = List what an association can act on: consultations, application deadlines, meetings, deadlines and revisions.
help-deadlines-profile = Only deadlines relevant to this association profile
help-deadlines-after = Only deadlines on or after this date (YYYY-MM-DD or YYYY) [default: one year ago]
help-deadlines-kind = Only events of this kind (consultation, application, meeting, deadline, revision; repeatable)
help-deadlines-upcoming = Only events still ahead today (dated, with their last day today or later)
help-deadlines-format = Output format: text, JSON, or an iCalendar file (ics) to subscribe to
help-timeline = Show where a policy or case stands: its agenda items in date order with their stage.
help-timeline-query = Words from the policy or case (e.g. "sundhedspolitik")
help-timeline-case = A case number (sagsnummer)
help-timeline-top = Number of cases to show for a query
help-export = Export every passage with its metadata, for a distributed search engine.
help-report = Write a report for an association: best matches by policy and committee, who to contact, deadlines, a chart and draft pitches (one self-contained HTML page).
help-report-top = Number of matches
help-report-out = Write the report to this file instead of stdout
help-help = Print this message or the help of the given subcommand(s)

# fetch, watch, and index --max-file-size
help-index-max_file_size = Skip files larger than this many MiB (without reading them)
help-fetch = Download agendas (and with --attachments their attachments) from municipalities' agenda portals (dagsordener.<kommune>.dk) into a folder for index.
help-fetch-portal = The agenda portal (e.g. https://dagsordener.greve.dk; repeatable)
help-fetch-portals = A file of portals, one a line: URL and optionally the municipality's short name
help-fetch-since = Only meetings on or after this date (YYYY-MM-DD or YYYY)
help-fetch-committee = Only this committee, by its name on the portal (repeatable)
help-fetch-attachments = Fetch the agenda items' attachments (bilag) too
help-fetch-out = The folder to download into (made when missing)
help-fetch-dry_run = List what would be fetched (only the committee lists are fetched)
help-fetch-rate = Requests per second at most
help-fetch-timeout = Time limit for one request, in seconds
help-fetch-retries = Retries after 429, 5xx, a timeout or a broken connection
help-fetch-max_size = Size limit for one attachment, in MB (agendas: 20 MB)
help-watch = Follow the council: write per profile an Atom feed, a calendar file and a Danish digest of what is new since the last run, and e-mail the digest when configured.
help-watch-config = The watch configuration (TOML): profiles, municipalities, cases, output folder, mail
help-watch-follow = Follow this case number from now on (repeatable; kept with the index)
help-watch-today = The day to run as (YYYY-MM-DD) [default: today]

# command-line usage errors (clap's, said by policymatch)
usage-missing = the following required arguments were not provided: { $args }
usage-unknown-command = unrecognized subcommand '{ $value }'
usage-unknown-argument = unexpected argument '{ $arg }' found
usage-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
usage-invalid-value = invalid value '{ $value }' for '{ $arg }': { $detail }
usage-possible-values = possible values: { $values }
usage-empty-value = a value is required
usage-missing-command = a command is required
help-possible-values = [possible values: { $values }]
help-default = [default: { $value }]
help-who = Show whom to talk to: the committees, units and people behind a profile's best matches and upcoming events.
help-who-profile = The association profile (TOML)
help-who-top = Number of committees, units and people to show

# value names in help and usage, and the usage line's word for options
help-usage-options = [OPTIONS]
help-value-command = COMMAND
help-value-dir = DIR
help-value-file = FILE
help-value-profile = PROFILE
help-value-profiles = PROFILES
help-value-top = TOP
help-value-format = FORMAT
help-value-municipality = MUNICIPALITY
help-value-area = AREA
help-value-year = YEAR
help-value-date = DATE
help-value-case = CASE
help-value-kind = KIND
help-value-name = NAME
help-value-paths = PATHS
help-value-text = TEXT
help-value-query = QUERY
help-value-qrels = QRELS
help-value-manifest = MANIFEST
help-value-words = WORDS
help-value-timeout = TIMEOUT
help-value-out = OUT
help-value-config = CONFIG
help-value-rate = RATE
help-value-retries = RETRIES
help-value-max_size = MAX_SIZE
help-value-after = AFTER
help-value-since = SINCE
