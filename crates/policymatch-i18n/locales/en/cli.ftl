# The policymatch command: output, summaries, errors and hints.

cli-error = policymatch: error: { $message }
cli-usage-error = policymatch: error: { $message } (hint: see `policymatch --help`)
cli-internal-error = policymatch: internal error: { $message } (please report this)
cli-bad-lang = unknown language { $value }; choose da or en

# suggest
suggest-passage = { $rank }. { $title } — { $municipality } p. { $page }{ $heading }  (score { $score })
suggest-why = why
suggest-who = who
suggest-also-in = also in: { $path } p. { $page }
suggest-none = policymatch: no passage meets the profile "{ $name }" well enough (score floor { $floor }); try fewer filters or more themes
suggest-bad-since = --since { $value }: expected a year (2024) or a date (2024-03-01)
suggest-while = suggesting for { $path }
md-suggest-title = Where { $name } meets the municipality's goals
md-suggest-none = No passage in the indexed documents meets the profile well enough.
md-suggest-lead = { $count } passages from municipal policies and council papers, best match first. Matched words are in **bold**.
md-suggest-page = page { $page }
md-suggest-source = Source: { $path }
md-suggest-also-in = The same text also appears in { $places }.
md-suggest-place = { $path } p. { $page }

# report
report-wrote = policymatch: wrote { $path }
report-none = policymatch: no passages match the profile above the score floor

# search, list, eval, deadlines, timeline
search-none = policymatch: no passages match { $query }
list-pages = { $count } pages
list-passages = { $count } passages
eval-no-judgments = policymatch: profile { $name } has no judgments; not measured
eval-reading = reading { $path }
eval-point = point { $label }: { $line }
eval-best = best on average: { $label }
eval-held-out = left out { $profile }: nDCG@10 { $ndcg } under { $label }
eval-loo = leave-one-profile-out: mean nDCG@10 { $loo } P@5 { $p5 }; in-sample { $in_sample } under { $label }; gap { $gap }
deadlines-item = item { $item }
deadlines-page = p. { $page }
deadlines-undated = undated
deadlines-unreadable = (the date "{ $date }" does not exist; the event is listed as undated)
deadlines-calendar-name = policymatch: consultations and deadlines
deadlines-ics-left-out = policymatch: { $count } events without a day or month are not in the calendar
deadlines-source = Source
deadlines-none = policymatch: no consultations or deadlines on or after { $date }
deadlines-bad-after = --after { $value }: expected YYYY-MM-DD or YYYY
timeline-case = Case { $case }
timeline-item = item { $item }
timeline-none = policymatch: no agenda items found
timeline-need-query = give a QUERY or --case NUMBER

# index
index-no-such-path = { $path }: no such file or folder
index-rebuilt = policymatch: { $path }: the index was { $why }; made it again, every file is indexed anew
index-summary = indexed { $indexed } / unchanged { $unchanged } / removed { $removed } / skipped { $skipped } / ignored { $ignored } / failed { $failed }; { $documents } documents, { $pages } pages, { $passages } passages in { $seconds } s (index { $index })
index-skipped = skipped { $path }: { $reason }
index-failed = failed { $path }: { $reason }
extract-no-text = policymatch: { $path }: no text layer (image-only or empty PDF)
cli-no-executable = cannot find the policymatch executable

# fetch
fetch-bad-rate = --rate { $rate }: must be a number of requests per second above 0
fetch-plan-check = check
fetch-plan-get = get
fetch-plan-unnamed = (named from the answer)
fetch-plan-line = { $action } { $url } -> { $file }
fetch-plan-summary = would fetch { $count } URLs into { $out } ({ $conditional } already there, asked conditionally); failed { $failed }
fetch-summary = agendas fetched { $agendas } / unchanged { $agendas_unchanged }; attachments fetched { $attachments } / unchanged { $attachments_unchanged }; failed { $failed }; { $requests } requests ({ $conditional } conditional, { $retries } retries) into { $out }
# watch
watch-bad-today = --today { $value }: expected a date (2024-03-01)
watch-profile-line = policymatch: { $name }: { $new } new ({ $matches } matches, { $deadlines } deadlines, { $meetings } meetings, { $cases } case items), { $events } upcoming events{ $mailed } -> { $files }
watch-mailed = , mailed
watch-following = policymatch: following cases { $cases }
watch-mail-error = policymatch: { $message } (the digests stay unsent and go out with the next run)
watch-nothing-new = policymatch: nothing new since the last run

# errors from the libraries, said by the command (issue 18)
err-io-not-found = no such file or folder
err-io-permission = permission denied
err-io-is-dir = is a folder, not a file
err-io-invalid-data = the content cannot be read (not valid UTF-8?)
err-io-other = cannot be read or written ({ $detail })
err-io-not-dir = is not a folder
err-io-exists = already exists
err-io-not-empty = the folder is not empty
err-io-read-only = the file system is read-only
err-io-full = there is no space left on the disk
err-io-too-large = the file is too large
err-io-eof = the file ends too early
err-io-timed-out = it timed out
err-io-busy = the file or device is busy
err-io-crosses-devices = cannot be moved between two file systems
err-io-bad-name = the name is not valid
err-io-memory = there is not enough memory
err-file-io = { $path }: { $reason }
err-profile-io = cannot read profile { $path }: { $reason }
err-profile-invalid = profile { $path } (line { $line }, column { $column }) is not valid: { $detail }
err-rank-config = ranking settings { $path } are not valid: { $detail }
err-profile-empty = profile { $path } is empty; write at least `name = "..."` and `description = "..."`
err-watch-config = configuration { $path } (line { $line }, column { $column }) is not valid: { $detail }
err-index = index { $path }: { $detail }
err-index-locked = index { $path } is locked by { $holder }; wait for it to finish or stop it
err-manifest = manifest { $path } (line { $line }) is not valid: { $detail }
err-query = cannot understand query { $query }: { $detail }
err-no-index = index { $path }: no index here; run `policymatch index FOLDER` first (or pass --index DIR)

who-none = policymatch: no committees, units or people behind the profile's matches

# watch: the configuration, the state file and mail
err-config-no-profiles = `profiles` is empty; name at least one profile file
err-config-top-zero = `top` must be at least 1
err-config-empty-case = an empty case number
err-config-from = `from`: { $detail }
err-config-no-recipients = `to` is empty; name at least one recipient
err-config-to = `to`: { $detail }
err-config-no-host = `host` is empty
err-watch-state-damaged = { $path }: not a watch state ({ $detail }); move it away to start afresh
err-watch-state-version = { $path }: written by another version of policymatch (layout { $found }, expected { $expected })
err-watch-same-name = { $path }: another profile in the list has the same file name; rename one
err-mail-address = { $address } is not an e-mail address ({ $detail })
err-mail-build = building the message: { $detail }
err-mail-server = SMTP server { $at }: { $detail }
err-mail-no-password = the SMTP user { $user } needs a password in ${ $env }
err-mail-send = sending the digest through { $at }: { $detail }

# why a file was skipped or failed (index)
problem-unsupported = not a supported document (PDF, agenda JSON or XML, Word .doc or .docx, HTML or text)
problem-broken-link = broken symbolic link
problem-link-loop = symbolic link loop
problem-folder-visited = symbolic link loop (folder already visited)
problem-too-deep = folder nesting too deep
problem-not-regular = not a regular file
problem-ignore-patterns = ignore patterns not used: { $detail }
problem-manifest = manifest not used: line { $line }: { $detail }
problem-manifest-unreadable = manifest not used: { $reason }
problem-manifest-empty = empty manifest; expected a header row with a `file` column
problem-manifest-row = unreadable row: { $detail }
problem-manifest-no-file-column = no `file` column in the header row
problem-manifest-no-file = row has no value in the `file` column
problem-manifest-year = year { $year } is not a number
problem-too-large = { $size }, over the limit of { $limit }
problem-unreadable = cannot read: { $reason }
problem-io = { $detail }
problem-no-text-layer = no text layer (image-only or empty PDF)
problem-encrypted = encrypted
problem-not-pdf = not a PDF (no %PDF header)
problem-empty = empty file
problem-malformed-pdf = malformed PDF: { $detail }
problem-extractor-crashed = extractor crashed: { $detail }
problem-timeout = timed out after { $seconds } s
problem-out-of-memory = out of memory (limit { $mib } MiB)
problem-worker-died = extractor process died: { $detail }
problem-output-too-large = extracted text larger than { $mib } MiB
problem-docx-not-zip = not a readable Word document (zip: { $detail })
problem-docx-no-document = not a Word document (no word/document.xml)
problem-docx-part-too-large = Word document part { $part } unpacks to { $size }, over the limit of { $limit }
problem-docx-file-too-large = Word document part { $part } unpacks to { $size } with the parts before it, over the limit of { $limit } for one file
problem-docx-damaged = damaged Word document (XML: { $detail })
problem-doc-not-compound = not a readable Word 97-2003 document (compound file: { $detail })
problem-doc-no-document = not a Word document (no WordDocument stream)
problem-doc-encrypted = encrypted Word document
problem-doc-damaged = damaged Word document ({ $detail })
problem-doc-no-table-stream = no table stream
problem-doc-piece-table-outside = piece table outside the table stream
problem-doc-fib-short = file information block too short
problem-doc-no-fib = no file information block
problem-doc-broken-piece-table = broken piece table
problem-doc-text-outside = text outside the document stream
problem-not-utf8 = not valid UTF-8 text
problem-no-text = no text
problem-json-invalid = invalid JSON: { $detail }
problem-json-not-agenda = JSON is not an agenda export (no "Dagsordenpunkter" list)
problem-json-no-items = agenda without items
problem-xml-not-agenda = XML is not an agenda publication (SBSYS/eDagsorden <Publication>)
problem-xml-damaged = damaged agenda publication XML: { $detail }
problem-xml-no-items = agenda publication without items
problem-reader-crashed = reader crashed: { $detail }
problem-internal = internal: { $detail }

# why a URL could not be fetched (fetch)
fetch-err-timeout = { $url }: no answer within { $seconds } s
fetch-err-too-large = { $url }: larger than the limit of { $limit }
fetch-err-truncated = { $url }: body cut short ({ $got } of { $expected } bytes)
fetch-err-redirect-loop = { $url }: redirect loop ({ $hops } redirects)
fetch-err-wait-too-long = { $url }: server asks to wait { $seconds } s (Retry-After), more than the { $max } s allowed
fetch-err-unasked-not-modified = { $url }: 304 Not Modified to an unconditional request
fetch-err-not-a-portal = { $url }: not an agenda portal ({ $reason })
fetch-err-bad-agenda = { $url }: not an agenda ({ $reason })
fetch-err-no-committees = no "Udvalg" object
fetch-err-no-items = no "Dagsordenpunkter" list
fetch-err-not-pdf = { $url }: not a PDF ({ $what })
fetch-err-html = an HTML page
fetch-err-empty = empty
fetch-err-no-header = no %PDF- header
fetch-err-not-url = { $url }: not an http(s) URL
fetch-err-no-portals = { $file }: no portals
fetch-err-bad-since = --since { $value }: not a date (YYYY-MM-DD or YYYY)
fetch-err-no-committee = { $url }: no committee named '{ $name }' (there are: { $known })
