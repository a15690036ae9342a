# bantin's words in English. Every message here has its Vietnamese twin
# in vi.ftl (a unit test checks both files have the same ids).
# Arguments: $name. Counts choose plural forms; figures come formatted.
# A brace in the text is written {"{"}.

## Reports

level = { $level ->
    [error] error
   *[warning] warning
}
hint = hint: { $hint }
verbatim = { $text }
quoted = `{ $text }`
did-you-mean = did you mean `{ $name }`?
allowed-keys = the keys allowed here are: { $keys }
report-none = No problems found.
report-summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
} in { $files ->
    [one] 1 file
   *[other] { $files } files
}
report-translations = Missing translations:
check-links-unchecked = The links of the built pages were not checked: fix the errors above first.
timings = Timings:
error-detail = error: { $detail }
warning-detail = warning: { $detail }
created = created { $file }
nothing-written = Nothing was written.

## Files

file-not-found = the file does not exist
file-permission-denied = bantin may not read this file (permission denied)
file-is-folder = this is a folder, not a file
file-unreadable = cannot read the file: { $reason }
folder-unreadable = cannot read the folder: { $reason }
file-too-large = the file is { $size } MB, larger than the { $limit } MB bantin reads
file-too-large-hint = a data file holds one period's figures; move large tables elsewhere
file-not-utf8 = the file is not UTF-8 text
file-not-utf8-hint = save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)
file-outside-site = this file leads outside the site folder, to { $target }
file-outside-site-hint = bantin publishes only files inside the site folder: copy the file into the site instead of linking to it

## YAML

node-nothing = nothing
node-bool = true/false
node-number = a number
node-text = text
node-list = a list
node-mapping = a set of keys
node-tagged = a tagged value
at-yaml-path = { $message } (at `{ $path }`)
unknown-key = unknown { $what } `{ $key }`
what-key = key
what-field = field
what-breakdown-key = breakdown key
what-indicator-setting = indicator setting
what-front-matter-key = front matter key
expected-text = expected text, found { $found }
expected-text-hint = write the text per language: {"{"} vi: "…", en: "…" {"}"}
yaml-tab = this line is indented with a tab
yaml-tab-hint = YAML indents with spaces only: replace the tab with spaces (two per level)
yaml-unclosed-quote = this quote { $quote } is never closed
yaml-unclosed-quote-hint = end the text with { $quote } on the same line, or remove the opening { $quote }
yaml-unclosed-bracket = this `{ $open }` is never closed
yaml-unclosed-bracket-hint = close it with `{ $close }` on the same line, after the last item; items inside are separated by commas
yaml-missing-colon = `{ $written }` has no colon after its key
yaml-missing-colon-hint = write `{ $fixed }` (a colon and a space after the key)
yaml-indent = this line is indented { $spaces } spaces, which matches no key above it
yaml-indent-hint = indent it like the key it belongs with: { $spaces } spaces (a key under another goes two spaces further in)
yaml-indent-hint-left = start it at the left edge, like the keys above it
yaml-duplicate-key = `{ $key }` is written twice in the same block
yaml-duplicate-key-hint = keep one `{ $key }:` and delete the other (merge their contents if both matter)
yaml-syntax = the YAML cannot be read: { $detail }
yaml-syntax-hint = look at this line and the one above it: a missing colon, quote or bracket, or a wrong indent
toml-syntax = the file cannot be read: { $detail }

## site.toml

config-missing = no site.toml in { $folder }
config-missing-hint = run bantin in a site folder, or name one with --root DIR
config-syntax = site.toml cannot be read: { $detail }
config-syntax-hint = settings are written `key = "value"`, one per line; texts in quotes
config-unknown-key = unknown setting `{ $key }`
config-languages-empty = `languages` lists no language
config-languages-empty-hint = list the site's languages, the default first, e.g. languages = ["{ $lang }", "en"]; a site in one language writes languages = ["{ $lang }"]
config-bad-language = `{ $lang }` is not a language code
config-bad-language-hint = use lowercase codes such as "vi" and "en"
config-no-title = the site has no title in `{ $lang }`
config-no-title-hint = add `{ $lang } = "…"` under [title]
config-sdmx-id = `{ $key } = "{ $id }"` under [sdmx] is not an SDMX id
config-sdmx-id-hint = an SDMX id starts with a letter, then letters, digits, `_` or `-`, e.g. agency = "SCT_HAIPHONG"
config-sdmx-version = `version = "{ $version }"` under [sdmx] is not a version
config-sdmx-version-hint = write numbers separated by dots, e.g. version = "1.0"
base-url-not-absolute = base_url `{ $url }` is not an absolute web address
base-url-hint = write it in full, e.g. https://congthuong.haiphong.gov.vn/bantin/

## The indicator catalogue

catalog-missing = the indicator catalogue is missing
catalog-missing-hint = create content/indicators.yaml naming each indicator, e.g.
    exports:
      name: {"{"} vi: "Kim ngạch xuất khẩu", en: "Export turnover" {"}"}
      unit: {"{"} vi: "triệu USD", en: "million USD" {"}"}
catalog-not-mapping = the catalogue must list indicators by id
catalog-not-mapping-hint = start each indicator with its id and a colon, e.g. `exports:`
catalog-bad-id = `{ $id }` is not a valid indicator id
id-hint = ids use lowercase letters a-z, digits and _ (e.g. `exports`, `iip_by_sector`)
catalog-needs-name = indicator `{ $id }` needs a name and a unit
catalog-bad-kind = { $written } is not a kind of indicator
catalog-kind-hint = write flow (adds up over time: exports, retail sales), stock (a level at a moment), index or rate
catalog-bad-decimals = decimals must be a whole number from 0 to 6
catalog-no-name = indicator `{ $id }` has no name in `{ $lang }`
catalog-no-name-hint = add `name: {"{"} { $lang }: "…" {"}"}` (every site language needs one)
catalog-no-unit = indicator `{ $id }` has no unit in `{ $lang }`
catalog-no-unit-hint = add `unit: {"{"} { $lang }: "…" {"}"}` (every site language needs one)

## Data files

data-not-mapping = a data file must start with `period:` and list `indicators:`
data-not-mapping-hint = see docs/content-format.md: period, status, published, indicators, breakdowns
data-no-period = the data file does not say its period
data-no-period-hint = add a first line such as `period: 2021-Q1`
data-period-not-text = expected a period, found { $found }
data-no-status = the data file does not say the status of its figures
data-no-status-hint = add `status: estimate`, `status: preliminary` or `status: final`
data-bad-status = { $written } is not a status
data-bad-status-hint = write estimate (ước tính), preliminary (sơ bộ) or final (chính thức)
data-bad-date = `{ $written }` is not a date
data-bad-date-hint = write the release date as YYYY-MM-DD, e.g. 2021-04-01
data-unknown-indicator = `{ $id }` is not in the indicator catalogue
data-unknown-indicator-hint = add `{ $id }` to content/indicators.yaml first, with its name and unit
data-indicators-not-mapping = `indicators` must list indicators by id, found { $found }
data-breakdowns-not-mapping = `breakdowns` must list tables by id, found { $found }
data-fields-not-mapping = expected figures such as `value:` and `growth_yoy:`, found { $found }
figure-unusable = `{ $written }` is not a usable figure
figure-is-text = expected a number, found the text "{ $written }"
figure-grouped-hint = `{ $written }` looks like a Vietnamese-formatted number; write { $machine }
figure-plain-hint = write the figure as a plain number, such as 5718.5 or -12.42
figure-not-number = expected a number, found { $found }
breakdown-bad-id = `{ $id }` is not a valid breakdown id
breakdown-id-taken = the breakdown `{ $id }` has the id of an indicator
breakdown-id-taken-hint = rename it (e.g. `{ $id }_by_group`) so chart("{ $id }") is not ambiguous
breakdown-not-mapping = a breakdown needs `title`, `field` and `rows`, found { $found }
breakdown-no-title = the breakdown `{ $id }` has no title
breakdown-no-title-hint = add `title: {"{"} vi: "…", en: "…" {"}"}`
breakdown-fields = the fields are: { $fields }
breakdown-bad-field = `{ $written }` is not a field
breakdown-field-not-text = expected a field name, found { $found }
breakdown-no-field = the breakdown `{ $id }` does not say which field its rows compare
breakdown-no-field-hint = add e.g. `field: growth_yoy`
breakdown-no-unit = the breakdown `{ $id }` compares levels but gives no unit
breakdown-no-unit-hint = add `unit: {"{"} vi: "triệu USD", en: "million USD" {"}"}`
breakdown-row-no-field = this row has no `{ $field }`, the field the breakdown compares
breakdown-row-no-field-hint = give every row a `{ $field }:` figure
breakdown-row-no-label = this row has no label
breakdown-row-no-label-hint = write `- {"{"} label: {"{"} vi: "…", en: "…" {"}"}, growth_yoy: 12.5 {"}"}`
breakdown-no-rows = the breakdown has no `rows`
breakdown-rows-not-list = `rows` must be a list, found { $found }

## Periods

period-invalid = `{ $written }` is not a period: write a period as 2019, 2021-Q1, 2022-H1, 2024-9M or 2021-03
period-year-range = `{ $written }`: the year { $year } is out of range
period-bad-quarter = `{ $written }`: a quarter is Q1, Q2, Q3 or Q4
period-bad-half = `{ $written }`: the first half of a year is written { $year }-H1 (or { $year }-6M)
period-twelve-months = `{ $written }`: twelve months are the whole year: write { $year }
period-bad-months = `{ $written }`: cumulative months are { $year }-1M … { $year }-11M

## Releases and pages

release-no-data = this release folder has no data.yaml
release-no-data-hint = every release needs a data.yaml with its period and figures (a narrative alone is not a release)
release-duplicate-period = the period { $period } is already published by { $other }
release-duplicate-period-hint = each period has one release; merge the two folders or correct the period
text-language-unknown = `{ $lang }` is not one of the site's languages ({ $languages }); the file is not published
text-language-unknown-hint = add the language to `languages` in site.toml, or rename the file
page-bad-name = `{ $stem }` cannot be the address of a page
page-bad-name-hint = name pages with lowercase letters, digits and -, not a period or a reserved word (archive, indicators, data, en…)
front-matter-unclosed = the front matter that starts on line 1 is never closed
front-matter-unclosed-hint = did you forget the closing `---` line after `title:` and `summary:`?
front-matter-not-mapping = the front matter must be `key: value` lines
front-matter-not-text = `{ $key }` must be text, found { $found }

## Calls in narratives

call-unclosed = this `{"{{"}` is never closed on its line
call-unclosed-hint = a call is written whole on one line: {"{{"} value("exports") {"}}"}
call-block-not-alone = { $name }() makes a chart or table: it must stand on a line of its own
call-block-not-alone-hint = put the call on its own line, with an empty line before and after
call-empty = expected a call such as value("exports") inside {"{{ }}"}
call-unknown = unknown call `{ $name }`
call-unknown-hint = the calls are value(), change(), chart() and table()
call-no-paren = expected `(` after { $name }
call-write = write { $call }
call-no-comma = expected `,` or `)` between arguments
call-plain-after-named = a plain argument cannot follow a named one
call-expected-id = expected a quoted id such as "exports", or period="…"
call-expected-id-hint = ids are written in quotes: value("exports")
call-expected-value = expected a quoted value after { $key }=
call-unknown-argument = unknown argument `{ $key }`
call-unknown-argument-hint = the named arguments are period= and field=
call-trailing-text = unexpected text after the call
call-no-id = { $name }() needs the id of an indicator or breakdown
call-field-twice = the field is given twice
call-too-many = { $name }() takes at most two plain arguments
call-unclosed-quote = this quote is never closed
call-no-release = no release covers the period { $period }
call-no-release-hint = the periods published are: { $periods }
call-period-set-aside = the release of { $period } has errors of its own and was set aside
call-page-no-period = { $name }() on a free page must name its period
call-indicators-are = the indicators of { $period } are: { $ids }
call-unknown-target = `{ $target }` is neither an indicator nor a breakdown of { $period }
call-change-not-growth = change() words a growth rate, and `{ $field }` is not one
call-no-figures = the release for { $period } has no figures for `{ $target }`
call-no-figures-hint = add `{ $target }:` under `indicators:` in { $file }
call-no-field = `{ $target }` has no `{ $field }` in { $period }
call-no-field-fill = fill in `{ $field }:` under `{ $target }:` in { $file }
call-no-field-present = its figures there are: { $fields }
call-takes-no-field = { $name }() takes no field

## Texts

typed-figure = the figure { $shown } is typed into the text; it is `{ $id }` { $field } in data.yaml
typed-figure-hint = write { $call } instead, so every language shows the figure of the data
typed-figure-change-hint = write { $change } (it words the rise or fall) or { $value } instead, so every language shows the figure of the data
repeated-paragraph = this paragraph repeats the one on line { $line }
repeated-paragraph-hint = delete one of the two
repeated-sentence = this sentence repeats the one on line { $line }
repeated-sentence-same-line = this sentence is written twice on this line
repeated-sentence-hint = delete one of the two: "{ $sentence }"

## Links

dead-link = the link `{ $href }` leads to no page of the site
link-leaves-site = the link `{ $href }` leaves the site
dead-link-hint = link to a page of the site as /2021-q1/, /en/indicators/exports/ or /data/all.csv (an address from the site's root)
output-link-dead = the address `{ $href }` leads to no file of the site{ $pages ->
    [one] {""}
   *[other] {" "}({ $pages } pages link to it; this is the first)
}
output-link-outside = the address `{ $href }` is outside the site's path { $path }{ $pages ->
    [one] {""}
   *[other] {" "}({ $pages } pages link to it; this is the first)
}
output-link-hint = it comes from a template of the theme, or from HTML written in a narrative: correct it there

## Figures: sense and consistency

sense-of-indicator = `{ $id }`: { $message }
sense-negative-level = a level cannot be negative ({ $value }), and this indicator is a { $kind }
sense-negative-level-hint = a fall is written as a negative `growth_yoy`, not as a negative `value`
sense-share = a share is between 0 and 100%, not { $value }
sense-share-hint = `share` is the percentage of the total this part makes up
sense-plan = a plan cannot be reached to a negative degree ({ $value }%)
sense-plan-hint = `plan_attainment` is the level as a percentage of the year's plan, e.g. 79.8
sense-fall = a fall of { $value }% would leave nothing
sense-fall-hint = growth is the % change: a fall by half is -50
revision-hint = { $period } is marked `{ $status }`: if its figure has since been revised, enter the final figure in { $file } (and mark it `final`); { $then }
growth-mismatch = `{ $id }` { $field } is { $stated }%, but the levels give { $implied }%: { $value } in { $period } against { $base_value } in { $base_period }
growth-mismatch-otherwise = otherwise one of the three figures is wrong: check them against the source
growth-mismatch-hint = one of the three figures is wrong: check them against the source
plan-mismatch = `{ $id }` plan_attainment is { $stated }%, but the plan gives { $implied }%: { $value } against { $base_period }'s { $base_value } raised by the { $target }% target ({ $planned })
plan-mismatch-otherwise = otherwise check the level, the target and the attainment against the source
plan-mismatch-hint = check the level, the target and the attainment against the source
shares-over-100 = the shares of `{ $id }` add up to { $sum }%, more than the whole
shares-over-100-hint = shares of the parts of one total add up to 100% at most: check the rows (a group and its own part cannot both be rows)
sum-part = { $period } { $value }
sum-mismatch = `{ $id }` value { $total } in { $period } is not the sum of its parts: { $parts } = { $sum }
sum-mismatch-revised-hint = parts published earlier as estimates may since have been revised: enter the revised figures, or check the total
sum-mismatch-hint = the parts and the total must agree: check them against the source
unit-slip = `{ $id }` value { $value } in { $period } is about { $factor } times { $direction ->
    [smaller] smaller
   *[larger] larger
} than its series: { $how }
unit-slip-grown = { $base_value } in { $base_period }, { $up ->
    [down] down
   *[up] up
} { $growth }%, gives about { $expected }
unit-slip-was = it was { $base_value } in { $base_period }
unit-slip-is = it is { $value } in { $period }
unit-slip-scale-hint = the catalogue unit is { $unit_en }: this looks like a figure in { $written_in }s written as { $meant }s; in { $unit_en } it is { $fixed }
unit-slip-hint = every value is in the catalogue unit ({ $unit_en }); if this one was written in another unit, it should read { $fixed }

## Translations

translation-no-narrative = { $period } has no `{ $lang }` narrative: its `{ $lang }` page shows the figures with a note that the text is not yet available
translation-no-narrative-hint = translate { $file } into this file
translation-no-row-label = a row of `{ $id }` has no `{ $lang }` label
translation-no-breakdown-text = `{ $id }` has no `{ $lang }` { $what }
translation-add-until = add `{ $lang }: "…"`; until then the page shows it in { $default }
translation-no-page = the page `{ $slug }` has no `{ $lang }` version, so it is not published in `{ $lang }`
translation-no-indicator-text = `{ $id }` has no `{ $lang }` { $what }
translation-add = add `{ $lang }: "…"`

## Theme and search

theme-missing = the theme `{ $theme }` is not in themes/{ $theme }/
theme-missing-hint = use theme = "default", or add the theme's folder
theme-no-strings = the theme has no UI strings for `{ $lang }` (i18n/{ $lang }.toml)
theme-no-strings-hint = copy themes/default/i18n/en.toml to themes/{ $theme }/i18n/{ $lang }.toml and translate it
template-error = template error: { $detail }
template-error-hint = fix the template, or delete the site's copy to use the theme's own
template-context = cannot pass a page to its template: { $detail }
search-failed = the search index could not be made: { $detail }
search-failed-hint = bantin runs Pagefind (https://pagefind.app) to index the site for its search page. Run `npm ci` in bantin's source folder and build bantin again, or set BANTIN_PAGEFIND to a Pagefind 1.x program; or turn the search page off with `search = false` in site.toml
pdf-no-browser = the PDF editions (pdf = true) are printed by Chromium, which could not be started: { $detail }
pdf-no-browser-hint = Install Chromium (Debian, Ubuntu: `apt-get install chromium`), or set BANTIN_CHROME to a Chromium or Chrome program; or turn the PDF editions off with `pdf = false` in site.toml
pdf-failed = the PDF edition { $file } could not be printed: { $detail }
pdf-failed-hint = Open the bulletin with `bantin serve`: a chart that cannot be drawn there cannot be printed either. If Chromium itself failed, build again, or set BANTIN_CHROME to another Chromium; `bantin build --no-pdf` publishes the site without its PDFs meanwhile

## build, init, new

build-done = Built { $pages } pages ({ $languages }{ $kept }), { $files } files in { $ms } ms into { $output }
build-kept = ; { $rendered } rendered, { $kept } unchanged
build-pdfs = PDF editions: { $pdfs } ({ $printed } printed now, the others unchanged).
build-nothing-written = Nothing was written: fix the errors above and build again.
build-look-locally = This site is built for { $url }: opened from { $output }/ as it is, its pages find no styles and their links break. To look at it on this computer, run `bantin serve`, or build it for a local address with `bantin build --base-url http://localhost:8000/` and serve { $output }/ there.
output-is-site = refusing to write the site into { $out }: it is the site folder itself, or holds it (set output_dir = "public" in site.toml)
output-looks-like-site = refusing to write into { $out }: it holds content/ or site.toml, so it looks like a site's sources (choose an empty folder such as public/)
output-in-sources = refusing to write into { $out }: it lies inside the site's { $folder }/ folder (choose a folder such as public/)
output-outside-site = refusing to write into { $out }: it lies outside the site folder (pass --force if you mean it)
output-foreign-file = { $out } holds { $file }, which bantin did not make and would now overwrite (move that file away, or delete it if it is an old copy of the site)
output-not-ours = { $out } exists and was not made by bantin (it has no { $manifest }): empty it or move it away, or set another output_dir in site.toml
init-not-folder = { $dir } exists and is not a folder
init-not-empty = { $dir } is not empty: a new site starts in an empty or new folder (nothing was written)
init-done = A new site is in { $dir }. Preview it with:

        cd { $dir } && bantin serve

    Then set base_url and the titles in site.toml, the indicators in content/indicators.yaml,
    and start a release with `bantin new 2025-Q1`.
new-exists = { $period } is already published by { $file } (nothing was written)
new-folder-exists = { $dir } already exists (nothing was written)
new-done = Fill in the figures in data.yaml and the text of each narrative.
    `bantin check` lists what is still missing.
new-done-last-year = Fill in the figures in data.yaml (last year's are beside each indicator) and the text of each narrative.
    `bantin check` lists what is still missing.

## serve

serve-public = warning: serving on { $bind } makes the preview visible to other computers on the network
serve-port-taken = Port { $port } is taken; using { $using }.
serve-serving = Serving { $root } at { $url } (Ctrl-C to stop)
serve-stopped = Stopped.
serve-after = {" "}after { $files }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
serve-failed = The build failed{ $after }: the last good site is still served, with the errors shown on every page.
serve-built = { $updated ->
    [yes] Updated
   *[no] Built
} { $pages } pages in { $ms } ms{ $after }
serve-no-browser = warning: cannot open a browser ({ $opener }: { $reason }); open { $url } yourself
serve-search-off = warning: search does not work in this preview: { $problem }
overlay-title = The preview could not be updated: errors
overlay-kept = This page is the last good build. Fix the errors below and save the file; the page reloads by itself.
overlay-close = Close
overlay-hint = Hint: { $hint }
overlay-warnings = bantin check: { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
unit-slip-near = { $base_value } in { $base_period } ({ $base_months ->
    [one] one month
   *[other] { $base_months } months
}) gives about { $expected } for { $months ->
    [one] one month
   *[other] { $months } months
}
decimals-thousands = `{ $id }` value { $written } has three decimals where the indicator shows { $places }: it looks like { $meant } written with a dot between the thousands, and would be published a thousand times too small
decimals-thousands-hint = write { $meant }: in data files a dot only comes before decimals, and thousands are not separated
decimals-rounded = `{ $id }` value { $written } has { $shown } decimals, but the indicator shows { $places ->
    [one] 1 decimal
   *[other] { $places } decimals
}: the page rounds it
decimals-rounded-hint = write the figure as published, or change `decimals` of the indicator in content/indicators.yaml
growth-sign = `{ $id }` { $field } is { $stated }%, but the levels { $rise ->
    [up] rise
   *[down] fall
}: { $value } in { $period } against { $base_value } in { $base_period }
growth-sign-hint = a fall is written with a minus sign and a rise without one: check the sign of `{ $field }`, then the two levels

## Accepted findings

accept-not-list = `accept` must be a list of accepted findings, found { $found }
accept-not-mapping = an accepted finding names its rule, indicator, field and reason, found { $found }
accept-hint = write e.g. `- {"{"} rule: consistency/growth, indicator: retail, field: growth_yoy, reason: "measured against the revised 2019 level" {"}"}`
accept-missing = this accepted finding has no `{ $key }`
accept-unknown-rule = there is no rule `{ $rule }`
accept-rules = the rules are: { $rules }
accept-unknown-indicator = `{ $id }` has no figures in this file, so none of its findings can be accepted here
accept-unmatched = nothing to accept: `{ $rule }` finds nothing about `{ $id }` { $field } in this file any more
accept-error = `{ $rule }` finds an error about `{ $id }` { $field }: an error cannot be accepted, only fixed
accept-unmatched-hint = delete this item of `accept:` if the figure was corrected; otherwise check its rule, indicator and field
report-accepted = Accepted (listed, not counted):
report-accepted-reason = accepted: { $reason }
report-accepted-count = { $count ->
    [one] 1 finding accepted
   *[other] { $count } findings accepted
}
report-none-accepted = No problems to fix; { $count ->
    [one] 1 finding accepted
   *[other] { $count } findings accepted
}.
site-folder-unreadable = cannot open the site folder { $dir }
output-not-written = the site was not written; the previous one is untouched

## The release calendar

calendar-hint = see docs/content-format.md: `releases:`, each with its `period`, `date` and `status`
calendar-not-mapping = the calendar must be `holidays:`, `rules:` and `releases:`, found { $found }
calendar-not-list = expected a list, found { $found }
calendar-bad-date = `{ $written }` is not a date
calendar-date-hint = write a day as YYYY-MM-DD (2025-04-08), or the month of a provisional release as YYYY-MM (2025-04)
calendar-bad-time = `{ $written }` is not a time of day
calendar-rule-not-mapping = a rule names its `kind` and `day`
calendar-rule-hint = write e.g. `- {"{"} kind: month, day: 6 {"}"}`: the 6th of the month after the period, moved to the next working day
calendar-kinds = the kinds are: { $kinds }
calendar-bad-kind = `{ $written }` is not a kind of release
calendar-missing = `{ $key }` is missing here
calendar-bad-day = the day of a rule is a whole number from 1 to 31
calendar-entry-not-mapping = a release of the calendar names its `period`, `date` and `status`
calendar-duplicate = { $period } is already in the calendar
calendar-no-date = { $period } has no date, and no rule gives one for its kind
calendar-no-date-hint = add `date: YYYY-MM-DD` (or YYYY-MM while provisional), or a rule for its kind under `rules:`
calendar-status-hint = write provisional, confirmed or cancelled
calendar-bad-status = `{ $written }` is not a status of the calendar
calendar-confirmed-month = { $period } is confirmed but has only a month
calendar-confirmed-month-hint = a confirmed release has its day (YYYY-MM-DD); while only its month is known it is `provisional`
calendar-cancelled-no-reason = { $period } is cancelled without a reason
calendar-reason-hint = write the reason in each language: `reason: {"{"} vi: "…", en: "…" {"}"}`
calendar-change-not-mapping = a change of date names the earlier date (`from`) and the `reason`
calendar-change-hint = write e.g. `- {"{"} from: 2025-04-06, reason: {"{"} vi: "…", en: "…" {"}"} {"}"}`
calendar-release-missing = { $period } is not in the release calendar, which announces the other releases of its year
calendar-release-missing-hint = add it to content/calendar.yaml with the day it was announced for
calendar-late = { $period } was published on { $published }, after its confirmed day, { $planned }
calendar-late-hint = a release published late is a fact to report; if the day was moved beforehand, record the move under `changes:` in content/calendar.yaml
calendar-overdue = { $period } was confirmed for { $planned }, but the site has no release of it, and its latest is of { $now }
calendar-overdue-hint = publish it, or record its new day (`changes:`) or its cancellation (`status: cancelled` with a reason)
calendar-next-year = the calendar has no release for { $year }, and the site's latest release is of { $now }
calendar-next-year-hint = Decree 94/2016/NĐ-CP asks for next year's calendar to be posted before 15 December: add the releases of { $year } to content/calendar.yaml

## Revisions

revisions-hint = write e.g. `- {"{"} period: 2021-02, status: final, reason: {"{"} vi: "…", en: "…" {"}"}, indicators: {"{"} retail: {"{"} value: 11870.2 {"}"} {"}"} {"}"}`
revisions-not-list = `revisions` must be a list of earlier periods, found { $found }
revisions-not-mapping = a revision names its `period`, its `indicators` and the `reason`
revisions-not-earlier = a release revises earlier periods only, and { $period } is not before { $own }
revisions-not-earlier-hint = put the figures of this release's own period under `indicators:`
revisions-twice = { $period } is revised twice in this release
revisions-bad-correction = `correction` is true (an error put right) or false (a routine revision)
revisions-large = `{ $id }` { $field } of { $period } is revised from { $from } to { $to }, by { $change }%, without a reason
revisions-large-hint = say why under `reason:` (a revision of this size needs one), or check the new figure
revisions-unknown-period = there is no release of { $period } to revise
revisions-unknown-period-hint = a revision restates a figure some release published: check the period

## bantin import
import-needs-map = bantin import needs --map MAP.yaml and --period PERIOD (or --init-map to propose a map)
import-file-unreadable = { $file } cannot be read: { $detail }
import-workbook-unreadable = the workbook { $file } cannot be read: { $detail }
import-sheet-unreadable = the sheet “{ $sheet }” cannot be read: { $detail }
import-no-sheet = the workbook has no sheet “{ $sheet }” (its sheets: { $sheets })
import-no-sheet-hint = write the sheet's name as its tab shows it, under `sheet:`
import-bad-date = “{ $date }” is not a date
import-bad-date-hint = write the release date as YYYY-MM-DD, e.g. 2025-04-06
import-set-aside = the release of { $period } has errors that keep bantin from reading its data file
import-set-aside-hint = run `bantin check`, correct the file, then import again
import-map-expected-mapping = expected keys and values here, found { $found }
import-map-what-top = map key
import-map-what-indicator = indicator
import-map-what-field = field
import-map-what-figure = figure key
import-map-what-breakdown = breakdown key
import-map-empty = the map names no indicator and no breakdown
import-map-empty-hint = list the figures under `indicators:` (and `breakdowns:`); `bantin import --init-map WORKBOOK` proposes a map
import-map-bad-status = the status is not estimate, preliminary or final
import-map-bad-status-hint = write status: estimate, preliminary or final
import-map-bad-column = “{ $column }” is not a column's letters
import-map-bad-column-hint = write the column as Excel names it: A, B, … AA
import-map-bad-cell = “{ $cell }” is not a cell's address
import-map-bad-cell-hint = write the cell as Excel names it, e.g. C12
import-map-bad-percent = `percent` is `fraction` or `shown`
import-map-bad-percent-hint = write percent: fraction when the cells hold 0.2515 for 25.15% and the workbook is .xls or .ods (an .xlsx file says so itself)
import-map-no-place = this figure says neither where its cell is nor its column
import-map-no-place-hint = write `cell: C12`, or `column: "Ước tính"` with a `row:` label
import-map-no-sheet = no sheet is given for { $figure }
import-map-no-sheet-hint = add `sheet: "…"` here, to the indicator, or at the top of the map for every figure
import-map-no-row = { $figure } gives a column but no row
import-map-no-row-hint = add the row's label, `row: "Kim ngạch xuất khẩu"`, to the indicator or the figure, or give the cell itself
import-map-bad-rows = the breakdown's `rows` is not a block of rows
import-map-bad-rows-hint = write rows: { "{" } first: "label of the first row", last: "label of the last row" { "}" }, rows: { "{" } under: "label of the heading row" { "}" }, or rows: A12:A20
import-map-no-columns = the breakdown has no `columns`
import-map-no-columns-hint = give each figure's column by its header, e.g. columns: { "{" } growth_yoy: "% so cùng kỳ" { "}" }
import-map-bad-field = `field` is not one of the fields
import-map-exists = { $file } already exists: give another file to --map
import-map-written = proposed map written to { $file }: check it against the workbook before importing
import-no-row = the sheet “{ $sheet }” has no row labelled “{ $label }”
import-no-row-close = the nearest label is “{ $label }”: write it as the workbook does
import-no-row-hint = write the label as the workbook's first column shows it (marks and capitals do not matter)
import-row-ambiguous = “{ $label }” labels several rows of “{ $sheet }” ({ $cells })
import-row-ambiguous-hint = give a longer label, the column of the labels (`label_column: A`), or the cell itself
import-no-column = no column of “{ $sheet }” is headed “{ $header }” above this row
import-no-column-hint = the headers above it are { $headers }
import-column-ambiguous = “{ $header }” heads several columns of “{ $sheet }” ({ $columns })
import-column-ambiguous-hint = give the header above it too, top down: column: ["Quý I", "Ước tính"]
import-rows-reversed = the row “{ $last }” comes before the row “{ $first }”
import-rows-none-under = no row follows “{ $label }” before a blank label
import-rows-empty = the block of rows has no labelled row
import-breakdown-no-title = the breakdown `{ $breakdown }` has no title
import-breakdown-no-title-hint = add title: { "{" } vi: "…", en: "…" { "}" } to the breakdown in the map
import-cell-not-finite = the cell holds a number too large to be a figure
import-cell-text = the cell holds the text “{ $text }”, not a number
import-cell-text-hint = type the figure as a number (5718,5 or 5.718,5), leave the cell blank or write "-" for a figure not available; or correct the map if it points at the wrong cell
import-cell-error = the cell shows the error { $error }
import-cell-error-hint = correct the formula in the workbook, then import again
import-cell-date = the cell holds a date, not a figure
import-cell-date-hint = check that the map points at the right cell, and that the cell's format is a number
import-cell-formula-uncached = the formula { $formula } has no saved result
import-cell-formula-uncached-hint = bantin reads the result a spreadsheet program saved, and does not compute formulas: open the workbook in Excel or LibreOffice and save it again
import-blank = { $figure }: { $cell } holds no figure (blank or “-”): left out
import-unchanged = { $file } already has these figures: nothing to write.
import-changes = What changes:
import-change = { $figure }: { $before } → { $after }
import-change-new = { $figure }: (new) { $after }
import-change-gone = { $figure }: { $before } → (gone)
import-exists = the release already has this data file: { $count ->
    [one] one figure differs
   *[other] { $count } figures differ
  } (listed above)
import-exists-head = the release already has this data file, with the same figures but another status or release date
import-exists-hint = run again with --update to write the workbook's figures into it (everything else in the file is kept)
import-created = created { $file } with { $count ->
    [one] one figure
   *[other] { $count } figures
  }.
import-updated = updated { $file }: { $count ->
    [one] one figure changed
   *[other] { $count } figures changed
  }.
import-checked = bantin check on the release:
import-file-head = Imported with `bantin import` from { $workbook } (map: { $map }).
    Beside each figure, the cell it came from.
import-proposal-head = A map proposed by `bantin import --init-map` for { $workbook }.
    The columns are guesses from their headers: check every line against
    the workbook before importing. Found { $found } of { $total } indicators.
import-proposal-column = column
import-proposal-missing = Not found among the row labels (add them by hand if the workbook has them):
import-proposal-breakdowns = Breakdowns (blocks of rows) are added by hand: see
    "Importing from a workbook" in docs/content-format.md.
