# balise — interface texts in English. Same keys as the French source.

## Site
site-tagline = Works and events in your municipality
skip-to-content = Skip to main content
nav-label = Main menu
nav-home = Home
nav-map = Map of works
nav-report = Report a problem
nav-follow = Follow a report
lang-switch-label = Language
commune-of = Municipality of { $name }
back-home = Back to the home page
footer-help = Need help?
footer-help-page = Help and contact
footer-privacy = Privacy
footer-accessibility = Accessibility
footer-api = Open data
footer-licence = balise is free software, under the EUPL-1.2 licence. Municipal boundaries: Statbel.
contact-phone = Phone:
contact-email = E-mail:

## Errors
error-title-prefix = Error:{ " " }
error-summary-title = There is a problem
error-prefix = Error:
not-found-title = Page not found
not-found-text = This page does not exist or is no longer online. Check the address.

## Home
home-title = What is happening in your municipality
home-lead = Works, diversions, parking bans, events: see where and when. Report a problem on the street.
home-action-map = See works and events
home-action-map-text = In a list and on a map, day by day.
home-action-report = Report a problem
home-action-report-text = A pothole, a broken street light, litter: tell the municipality.
home-action-permit = Ask for a permit
home-action-permit-text = For an event, a skip, scaffolding or a removal van.
home-action-follow = Follow a report
home-action-follow-text = With the reference you received, for example SOI-2026-00042.
home-towns = The municipalities
home-town-link = What is happening in { $commune }

## Information pages
help-title = Help and contact
help-p1 = Do you have a question? Would you rather talk to someone? Call or write to the works department of your municipality.
help-h-map = See the works
help-p-map = The page "Map of works" shows a list. Choose a day or a period. You can search for a street.
help-h-report = Report a problem
help-p-report = Answer one question per page. You get a reference. Keep it to follow your report.
help-h-counter = Without a computer
help-p-counter = You can also report a problem by phone or at the town hall desk. An officer fills in the form with you.
privacy-title = Privacy
privacy-p1 = Your municipality uses your data to deal with your reports. It follows the General Data Protection Regulation (GDPR).
privacy-h-what = What we keep
privacy-p-what = The place, the category, your description and your photos. Your e-mail or phone number, only if you give them.
privacy-h-public = What is public
privacy-p-public = The map only shows the category, the status and the date. Never your name, e-mail or phone number.
privacy-h-photos = Photos
privacy-p-photos = We remove all hidden information from photos, including the GPS position. A photo becomes public only if an officer accepts it.
privacy-h-keep = How long
privacy-p-keep = Your contact details are deleted some time after the problem is closed (one year, unless the municipality chooses otherwise).
privacy-h-rights = Your rights
privacy-p-rights = You can see, correct or delete your data. Write to your municipality. You can also complain to the Data Protection Authority.
a11y-title = Accessibility
a11y-p1 = The municipalities want this site to be easy to use for everyone. It follows the Walloon decree of 2 May 2019 and the EN 301 549 standard.
a11y-h-status = Compliance status
a11y-p-status = This site aims at level AA of WCAG 2.2. Every page is tested automatically. Everything works without JavaScript.
a11y-h-limits = Known limits
a11y-p-limits = The map is an extra: the list beside it shows the same information. Older photos do not always have a description.
a11y-h-contact = Cannot access something?
a11y-p-contact = Tell us by phone or e-mail at your municipality. We answer and give you the information in another way.
a11y-h-appeal = Appeal
a11y-p-appeal = If our answer does not satisfy you, you can contact the joint Ombudsman of Wallonia and the Wallonia-Brussels Federation.
permits-title = Ask for a permit
permits-p1 = Soon you will be able to ask here for a permit for an event or to use the street (skip, scaffolding, removal van).
permits-p2 = Until then, contact your municipality:
api-title = Open data
api-p1 = All public data of the map is open. Programs can read it here:
api-features = works, diversions, events and reports, in GeoJSON
api-communes = the municipalities
api-tiles = the vector tiles of the map
api-style = the map style for MapLibre
api-ops = the state of the service
api-licence = Municipal boundaries: Statbel (open data licence of Statistics Belgium).

## Kinds
kind-works = Works
kind-diversion = Diversions
kind-parking_ban = Parking bans
kind-event = Events
kind-occupation = Use of the street
kind-report = Reports
kind-one-works = Works
kind-one-diversion = Diversion
kind-one-parking_ban = Parking ban
kind-one-event = Event
kind-one-occupation = Use of the street
kind-one-report = Report

## Statuses
status-planned = Planned
status-in_progress = In progress
status-suspended = Suspended
status-completed = Finished
status-cancelled = Cancelled
status-new = New
status-acknowledged = Acknowledged
status-resolved = Fixed
status-not_competent = Passed to another authority
status-duplicate = Already reported
status-not_reproducible = Problem not found
status-closed = Closed without repair

## Map and list
carte-title = Works and events
carte-lead = Choose what and when. The list shows everything. The map shows the same items.
filter-what = What?
filter-when = When?
when-opt-aujourdhui = Today
when-opt-semaine = This week
when-opt-semaine-prochaine = Next week
when-opt-jour = A chosen day
when-opt-periode = A period
when-day-legend = The chosen day
when-from-legend = Start of the period
when-to-legend = End of the period
date-day = Day
date-month = Month
date-year = Year
date-hint = For example: 17 12 2026
filter-commune = Municipality
filter-all-communes = All municipalities
filter-search = Street or place (optional)
filter-search-hint = For example: rue de la Station, Casteau, market
filter-apply = Show
results-count = { $count ->
    [0] No results
    [one] 1 result
   *[other] { $count } results
}
results-on = On { $date }.
results-between = From { $from } to { $to }.
results-none-help = Nothing matches. Try another date or another word.
col-what = What
col-where = Where
col-when = When
col-status = Status
show-on-map = Show on the map
pagination-label = Result pages
page-prev = Previous page
page-next = Next page
page-of = Page { $page } of { $pages }
map-heading = Map
map-label = Map of works and events
map-nojs = The map needs JavaScript and WebGL. The list shows the same information.
map-broader = Your search finds more than { $max } items: the map shows everything matching the dates and kinds chosen.
skip-map = Skip the map
legend-heading = Legend
legend-active = In progress: solid line
legend-planned = Planned: dashes
legend-suspended = Suspended: dots
legend-done = Finished: thin, widely spaced line
maplibre-locale = en
error-day = Enter a real date, for example 17 12 2026
error-range-from = Enter a real start date, for example 17 12 2026
error-range-to = Enter a real end date, for example 24 12 2026
error-range-order = The end date must be after the start date
error-range-long = The period can last at most { $days } days
error-search-long = The search can hold at most { $max } characters

## Feature page
back-to-map = Back to the list
feature-what = What
feature-category = Category:
feature-where = Where
feature-coordinates = Coordinates: { $lat }, { $lon }
feature-osm = see on OpenStreetMap
feature-when = When
feature-diversions = Diversions
feature-serves = For the works
feature-history = Progress
feature-contact = Contact
fact-owner = Client
fact-contractor = Contractor
fact-applicant = Applicant

## Dates in words
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-full = { $weekday } { $day } { $month }
date-short = { $weekday } { $day }
date-with-year = { $date } { $year }
date-at = { $date } at { $time }
time = { $hh }:{ $mm }
and = and
when-on = on { $date }
when-range = from { $from } to { $to }
when-on-hours = on { $date }, from { $start } to { $end }
when-range-hours = from { $from } at { $start } to { $to } at { $end }
when-from = from { $from }, until further notice
when-hours = from { $start } to { $end }
when-except = except on { $dates }
days-every = every day
days-span = { $first } to { $last }
days-each = every { $days }

## Report a problem
back = Back
continue = Continue
change = Change
report-start-title = Report a problem
report-start-lead = A pothole, a broken street light, litter? Tell your municipality.
report-start-steps = We will ask you:
report-start-where = where the problem is;
report-start-what = what the problem is;
report-start-photos = for photos, if you want;
report-start-contact = how to keep you informed, if you want.
report-start-urgent = Immediate danger? Call the police on 101 or emergency services on 112.
report-start-button = Start now
report-lieu-title = Where is the problem?
lieu-intro = Search for a street or a place, or describe the place in your own words.
lieu-search-label = Street or place
lieu-search-hint = For example: rue Neuve, Grand-Place, Casteau
lieu-search-button = Search
lieu-found-legend = Choose the place
lieu-words-label = Describe the place (optional if you chose a place)
lieu-words-hint = For example: in front of number 12, near the bus stop
lieu-commune-label = Municipality
lieu-commune-choose = Choose the municipality
lieu-error-none-found = No place found. Describe the place and choose the municipality.
lieu-error-commune = Choose the municipality where the problem is
lieu-error-none = Tell us where the problem is
lieu-error-neighbour = This place is in { $commune }. Contact that municipality directly.
lieu-error-outside = This place is not in a municipality we know.
report-categorie-title = What is the problem?
categorie-error = Choose the kind of problem
report-doublons-title = Already reported?
doublons-intro = These problems were already reported close by:
doublons-distance = { $metres } m away
doublons-follow = If it is the same problem, follow it: there is no need to report it twice.
doublons-continue = It is another problem, continue
report-description-title = Describe the problem
description-hint = Say what you see. For example: a deep hole in the road, on the right side.
description-error-empty = Describe the problem
error-too-long = Write at most { $max } characters
report-photos-title = Add photos (optional)
photos-label = Photos
photos-hint = Up to 3 photos, as JPEG, PNG or WebP, 10 MB at most each.
photos-thumb-alt = Your photo { $n }
photos-remove = Remove the photo
photos-error-size = A photo is larger than 10 MB. Choose a smaller photo.
photos-error-count = You can add at most { $max } photos
photos-error-format = The file { $file } is not a JPEG, PNG or WebP photo
report-contact-title = Do you want to be kept informed?
contact-hint = We write to you when the problem moves on. We never publish your contact details.
contact-by-email = Yes, by e-mail
contact-email-label = E-mail address
contact-by-phone = Yes, by phone
contact-phone-label = Phone number
contact-anonymous = No, stay anonymous
contact-error-email = Enter an e-mail address, for example name@example.be
contact-error-phone = Enter a phone number, for example 067 12 34 56
contact-error-choice = Choose whether you want to be kept informed
report-verifier-title = Check your report
check-where = Where
check-what = Problem
check-description = Description
check-photos = Photos
check-photo-count = { $count ->
    [0] No photo
    [one] 1 photo
   *[other] { $count } photos
}
check-contact = Keep you informed
honeypot-label = Do not fill in this field
check-send-text = By sending, you pass this report on to your municipality.
send-button = Send the report
sent-title = Report sent
sent-reference = Your reference:
sent-keep = Write this reference down. It lets you follow your report, also by phone.
sent-next-title = What happens next
sent-next-text = The works department of your municipality looks at your report. It shows on the map. If you gave your e-mail, you get a message at each step.
sent-follow-link = Follow this report
sent-print = To keep a copy, print this page or save it as a PDF.
sent-another = Report another problem
follow-title = Follow a report
follow-report-title = Report { $reference }
follow-hint = It is in your confirmation. For example: SOI-2026-00042.
follow-button = See progress
follow-error-empty = Enter the reference of the report
follow-error-format = Enter the reference as on your confirmation, for example SOI-2026-00042
follow-error-unknown = No report has the reference { $reference }
explain-new = Your report has arrived. The department will look at it.
explain-acknowledged = The department has seen the problem and will deal with it.
explain-planned = Work is planned.
explain-in_progress = Municipal workers are dealing with it.
explain-resolved = The problem is fixed.
explain-not_competent = This problem belongs to another authority. We passed it on.
explain-duplicate = This problem was already reported. Follow the first report.
explain-not_reproducible = The department did not find the problem on site.
explain-closed = The report is closed without repair.
unsubscribe-title = Stop receiving messages
unsubscribe-text = You will no longer receive messages about this report.
unsubscribe-button = Confirm
unsubscribe-done = Done. You will no longer receive messages about this report.
csrf-title = The form has expired
csrf-text = For your security, start again from the previous page. The answers you gave are kept.
spam-title = Sending refused
spam-text = What you sent could not be accepted. If you are a person, call your municipality.
send-error-title = The report could not be sent
send-error-text = Try again in a few minutes, or call your municipality.
too-many-title = Too many forms sent
too-many-text = You sent many forms in a short time. Wait a minute, then try again.
mail-confirm-subject = Your report { $reference } has arrived
mail-confirm-text = Hello,

    Your municipality received your report. Its reference is { $reference }.

    Follow it here: { $link }

    We will write to you at each step.
mail-status-subject = Your report { $reference }: { $status }
mail-status-text = Hello,

    Your report { $reference } has changed: { $status }.
    { $explain }

    Follow it here: { $link }
lieu-map-hint = Or tap the map where the problem is.
lieu-map-label = Map to show where the problem is
lieu-map-chosen = Place chosen: { "{" }lat{ "}" }, { "{" }lon{ "}" }
lieu-locating = Finding your position…
lieu-no-position = Your position is not available. Search for a street or describe the place.
lieu-show-map = Show the map
lieu-my-position = Use my position
feature-photo-alt = Photo { $n } of the problem
follow-by-email-title = Get news by e-mail
follow-by-email-hint = Did you see the same problem? No need to report it again: get a message at each step.
follow-by-email-button = Follow this report
follow-by-email-done = Noted. You will get a message at each step.
mail-follow-subject = You follow report { $reference }
mail-follow-text = Hello,

    You follow report { $reference }. We will write to you at each step.

    Follow it here: { $link }
