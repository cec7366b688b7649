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
photos-error-pixels = The photo { $file } is too large ({ $mp } megapixels): { $max } megapixels at most. Send a smaller photo, for example one taken with your phone.
photos-error-unwritable = The photo could not be saved. Try again in a few minutes.
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
follow-by-email-done = We have sent you an e-mail. Click the link in it to confirm: you will then get a message at each step.
mail-follow-subject = Confirm that you want to follow report { $reference }
mail-follow-text = Hello,

    To get a message at each step of report { $reference }, confirm here: { $link }

    If you did not ask for anything, do nothing: you will get nothing more.
## Agents: signing in, accounts
footer-agents = Staff area
optional = (optional)
filter-button = Show
date-time = Time
signin-title = Sign in to the staff area
signin-intro = This area is for the communes' staff. Citizens do not need an account.
signin-email = E-mail address
signin-password = Password
signin-button = Sign in
signin-forgot = Forgotten password or first visit
signin-error-email = Enter your e-mail address
signin-error-password = Enter your password
signin-error-wrong = The e-mail address or the password does not match
signin-error-wait = Too many unsuccessful tries for this address. Try again from { $time }, or choose a new password.
signin-done-password = Your password is saved. Sign in with it.
signin-done-signed-out = You are signed out.
signin-done-everywhere = You are signed out on all your devices.
forgot-title = Choose a new password
forgot-hint = We send you a link that works for 1 hour.
forgot-button = Send me the link
forgot-error-email = Enter an e-mail address, like name@commune.be
forgot-sent = If an account exists for { $email }, a link has just been sent there. It works for 1 hour.
forgot-back = Back to sign in
reset-title = Your new password
reset-password = New password
reset-hint = At least 12 characters. A sentence that is easy to remember works well.
reset-confirmation = The same password again
reset-button = Save the password
reset-error-short = The password needs at least { $count } characters
reset-error-long = The password is too long
reset-error-confirmation = The two passwords are not the same
reset-expired = This link no longer works: it was used already, or it is more than 1 hour old.
reset-ask-again = Ask for a new link
mail-reset-subject = Your balise password
mail-reset-text = Hello,

    To choose your staff area password, open this link within the hour:
    { $link }

    If you did not ask for this, ignore this message: your password does not change.
account-title = My account
account-signed-in-as = You are signed in as { $email }.
account-roles = Your roles
account-everywhere-title = Lost a device?
account-everywhere-text = You can end all your sessions, on every device, this one included.
account-everywhere-button = Sign me out everywhere
role-agent = Agent
role-coordinator = Coordinator
role-worker = Field worker
role-admin = Administrator
tokens-title = API keys
tokens-intro = A key lets another program of the commune use the API with one role. It is shown only once.
tokens-created = Here is the new key. Copy it now: it will never be shown again.
tokens-name = Name
tokens-name-hint = The program using it, for example "Public works GIS"
tokens-commune = Commune
tokens-role = Role
tokens-created-at = Created on
tokens-action = Action
tokens-revoke = Revoke the key { $name }
tokens-revoked = Revoked
tokens-new = New key
tokens-create = Create the key
tokens-error-name = Give the key a name
tokens-error-role = Choose a role
tokens-error-commune = You are not an administrator of this commune
tokens-error-revoke = This key does not exist or is not your commune's
unavailable-title = Service unavailable for a moment
unavailable-text = Try again in a few minutes. If the problem goes on, tell the IT service.
draft-unsaved-text = Your answer could not be saved. Go back to the previous page and send it again in a few minutes.
forbidden-title = Not allowed
forbidden-text = Your role does not allow this for this commune.
stale-title = Someone changed this item meanwhile
stale-text = Reload the page to see the latest version, then try again.

## Agents: workspace
agent-nav-label = Staff area
agent-nav-list = Uses of public space
agent-nav-conflicts = Conflicts
agent-nav-account = My account
agent-sign-out = Sign out
agent-title = Uses of public space
agent-new = Create
agent-new-kind = New: { $kind }
agent-filters = Filter the list
agent-filter-kind = Type
agent-filter-status = Status
agent-filter-all = All
agent-filter-my-communes = All my communes
agent-filter-from = Active from
agent-filter-to = Active until
agent-filter-text = Words of the title or description
agent-count = { $count ->
    [0] No item
    [one] 1 item
   *[other] { $count } items
}
agent-none = No item matches these filters.
agent-internal = Internal
agent-row-conflicts = { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
}
agent-map-label = Map of the uses of public space, internal items included
agent-map-note = Dashed lines are internal items, not published.
element-new-title = New: { $kind }
element-kind = Type
element-title = Title
element-title-hint = What citizens will see, for example "Resurfacing of rue de Mons"
element-description = Description
element-status = Status
element-public = Publish on the public map
element-where = Where?
element-shape = Shape
element-coordinates = Coordinates
element-coordinates-hint = One line per point: latitude, longitude (for example 50.5794, 4.0712). For an area, give the corners in order. The map fills this in when you draw.
element-when = When?
element-when-hint = Give at least one period, or weekly hours. Without a time, the whole day counts.
element-save = Save
element-check = Check for conflicts
element-conflicts = { $count ->
    [0] Conflicts
    [one] 1 conflict
   *[other] { $count } conflicts
}
element-no-conflicts = No conflict with other uses.
element-history = History
element-is-public = Published on the public map.
element-is-internal = Internal: only the commune's staff see it.
element-see-public = See the public page
element-publish = Publish
element-unpublish = Take off the public map
element-done-created = The item is created.
element-done-saved = The changes are saved.
element-done-published = The item is published on the public map.
element-done-unpublished = The item is no longer on the public map.
element-done-assessed = The assessment is saved.
history-create = Created
history-update = Changed
history-delete = Deleted
shape-point = A point
shape-ligne = A line (along streets)
shape-zone = An area
shape-geojson = Complex shape (GeoJSON)
draw-heading = Draw on the map
draw-skip = Skip the map and type the coordinates
draw-nojs = Without JavaScript, type the coordinates below.
draw-hint = Choose a shape, then tap the map at each point. To finish a line or an area, tap the last or the first point again.
draw-tools = Drawing tools
draw-point = Point
draw-line = Line
draw-zone = Area
draw-clear = Clear
draw-label = Map to draw the place
draw-done = Shape drawn. The coordinates are filled in.
period-n = Period { $n }
period-start = Start
period-start-hint = For example 17 12 2026, time 7:30
period-end = End
period-end-hint = Leave empty if the end is not known.
weekly-title = Weekly hours (optional)
weekly-hint = For example Monday to Friday, 7:00 to 16:00, for 3 weeks.
weekly-n = Hours { $n }
weekly-from = First day
weekly-to = Last day
weekly-days = Days
weekly-from-time = From (time)
weekly-to-time = To (time)
exceptions-label = Days without use
exceptions-hint = For example 25/12/2026, 01/01/2027
serves-legend = Works this diversion goes around
serves-none = No current or coming works.
signage-legend = Signs put up
signage-hint = Signs must be up at least 48 hours before the start.
signage-warning = Warning: the signs go up { $hours } hours before the start. At least 48 are needed.
preview-title = Conflicts with other uses
preview-hint = Conflicts show here when you draw or when you click "Check for conflicts".
preview-none = No conflict found.
preview-found = { $count ->
    [one] 1 conflict found. You can still save, then assess it.
   *[other] { $count } conflicts found. You can still save, then assess them.
}
preview-incomplete = Complete the place and the dates to see conflicts.
form-error-kind = Choose a type
form-error-title = Enter a title
form-error-title-long = The title must be 200 characters or fewer
form-error-description-long = The description is too long
form-error-status = Choose a status from the list
form-error-coordinates-line = Line { $line } of the coordinates is not "latitude, longitude"
form-error-coordinates-none = Draw the place on the map or type its coordinates
form-error-coordinates-count = A point has 1 line, a line at least 2, an area at least 3
form-error-geojson = The GeoJSON shape is not valid
form-error-geometry = The shape is not valid: it crosses itself or its points coincide
form-error-outside = The place is outside your commune
form-error-forbidden = Your role does not allow creating or changing an item in this commune
form-error-stale = Someone changed this item meanwhile. Reload the page and try again.
form-error-unavailable = Saving failed. Try again in a few minutes.
form-error-date = Enter a real date, for example 17 12 2026
form-error-time = Enter a time, for example 7:30
form-error-end-before-start = The end must come after the start
form-error-days = Tick at least one day
form-error-exceptions = Write the days like 25/12/2026, separated by commas
form-error-schedule-empty = Give at least one period or weekly hours
form-error-recurrence-long = Weekly hours can last 3 years at most
form-error-schedule-large = These hours make too many periods; split them

## Agents: conflicts
conflicts-title = Conflicts – { $commune }
conflicts-intro = Two uses conflict when they are less than 20 metres apart at the same time. Each commune involved gives its view. A view must be looked at again when either item changes.
conflicts-open = { $count ->
    [0] To assess
   *[other] To assess ({ $count })
}
conflicts-settled = { $count ->
    [0] Assessed
   *[other] Assessed ({ $count })
}
conflicts-none-open = Nothing to assess.
conflicts-none-settled = No conflict assessed.
conflict-when = Together from { $start } to { $end }
conflict-open-end = end not known
conflict-distance = { $metres } m apart
assessment-to_assess = To assess
assessment-accepted = Accepted
assessment-refused = Refused
assessment-to_reassess = To re-assess
assess-legend = View of { $commune }
assess-accepted = Accepted: both can go ahead
assess-refused = Refused: one of them must change
assess-note = Note
assess-button = Save the view
assess-error-title = The view is not saved
assess-error-verdict = Choose "Accepted" or "Refused".
assess-error-note = The note is too long (2000 characters at most).

## Agents: accounts of the commune
people-title = Accounts of the commune
people-name = Name
people-invited = Invitation sent, no password chosen yet
people-remove = Take the role { $role } from { $email }
people-new = Add a person
people-email-hint = If the person has no account yet, they get an e-mail to choose their password.
people-add = Give this role
people-added = { $email } now has this role.
people-error-add = This account could not be created. Check the address.
people-error-remove = This role does not exist or is not your commune's
mail-invite-subject = Your balise account
mail-invite-text = Hello,

    An account of the balise staff area was created for you.
    To choose your password, open this link within the hour:
    { $link }

    After that, ask for a new link with "Forgotten password".
conflicts-first = The { $shown } soonest, of { $count }.
assess-earlier = { $count ->
    [one] 1 earlier assessment
   *[other] { $count } earlier assessments
}

## Agents: report triage and services
agent-nav-reports = Reports
agent-nav-services = Services
triage-title = Reports to handle – { $commune }
triage-service = Service
triage-no-service = No service
triage-late-only = Late only
triage-late-count = { $count ->
    [one] 1 report is late.
   *[other] { $count } reports are late.
}
triage-received = Received on { $date }
triage-due = due by { $date }
triage-late-by = { $days ->
    [one] Late by 1 working day
   *[other] Late by { $days } working days
}
triage-precision = Detail
triage-precision-hint = Needed for: forwarded to another body (to whom?), already reported (which reference?), closed without repair (why?), reopening (why?). The person who reported gets an e-mail at each change of status.
triage-save = Save for { $reference }
triage-details = Details
triage-done = Saved.
triage-error-reason = Give the detail this status needs.
triage-error-transition = This change of status is not possible. A closed report can only go back to "Acknowledged", with the reason.
services-title = Services – { $commune }
services-list = Services of the commune
services-none = No service yet.
services-new = New service
services-name-hint = For example Roads, Cleanliness, Green spaces
services-add = Add the service
services-members = People of the services
services-person = Person
services-put-in = Put in the service
services-take-out = Take out of the service
services-error-name = Give the service a name
services-error-member = Choose a person and a service of your commune
services-error-area = The area must be a GeoJSON polygon
services-error-service = Choose a service of your commune
services-error-rule = This rule does not exist or is not your commune's
rules-title = Rules for sending reports
rules-intro = A new report goes to the service of the first rule that matches it, in order.
rules-none = No rule: reports arrive without a service.
rules-any-category = Any category
rules-in-area = in an area
rules-delete = Delete rule { $n }
rules-new = New rule
rules-category = Category
rules-area = Area
rules-area-hint = A GeoJSON polygon. Empty: the whole commune.
rules-add = Add the rule

## Agents: tasks
agent-nav-tasks = Tasks
triage-make-task = Make a task of { $reference }
tasks-title = Tasks – { $commune }
tasks-mine = My tasks only
tasks-count = { $count ->
    [0] No task
    [one] 1 task
   *[other] { $count } tasks
}
tasks-none = No task matches.
tasks-due = due { $date }
tasks-late = Late
task-caption = Task
task-feature = See what the task is about
task-team = Team (service)
task-assignee = Person
task-nobody = Nobody in particular
task-due = Due by
task-priority = Priority
task-priority-1 = Urgent
task-priority-2 = Normal
task-priority-3 = When possible
task-version = Version { $n }
task-status-a_faire = To do
task-status-en_cours = In progress
task-status-bloquee = Blocked
task-status-faite = Done
task-error-title = Enter a title (200 characters at most)
task-error-status = Choose a status from the list
task-error-service = Choose a service of the commune
task-error-assignee = Choose a person of the commune
task-error-priority = Choose a priority from the list
task-error-description = The description is too long

## Agents: dashboard
agent-nav-dashboard = Dashboard
dashboard-title = Dashboard – { $commune }
dashboard-late = reports late.
dashboard-see-late = See them
dashboard-resolved-month = reports repaired this month.
dashboard-median = Median time to handle: { $days } days (over { $count } reports closed in 12 months).
dashboard-median-none = No report closed in 12 months.
dashboard-open-caption = Open reports, by category and age
dashboard-age-young = Less than a week
dashboard-age-middle = 1 to 4 weeks
dashboard-age-old = More than 4 weeks
dashboard-total = Total
dashboard-services-caption = Open reports, by service
dashboard-open = Open
dashboard-late-col = Late
task-repaired-title = It is repaired
task-repaired-photo = Photo of the work done
task-repaired-hint = JPEG, PNG or WebP, 10 MB at most. The photo is public on the report’s page; the person who reported is told.
task-repaired-button = Mark as repaired
task-error-photo = Add a photo of the work done
task-error-report-closed = The report was closed otherwise. Reopen it first from the list of reports.
triage-error-duplicate = Give the reference of another report of the commune, for example BLC-2026-00012.
reopen-title = The problem is not solved?
reopen-label = What is wrong
reopen-hint = For example: the hole is back. The report will be reopened and the service told.
reopen-button = Reopen the report
reopen-error-motif = Say in a few words what is wrong (5 characters at least)
reopen-closed-title = This report can no longer be reopened
reopen-closed-text = It was closed more than 60 days ago, or merged with another. Make a new report.
reopen-link-text = Open the link of the last e-mail you got about it, or make a new report.
reopen-link-title = Only the person who made the report can reopen it
reopen-by-link = If you reported it, open the link of the last e-mail you got about it: you can reopen it there. Otherwise, make a new report or contact the commune.
follow-confirm-done = Noted. You will get a message at each step.
follow-confirm-button = Yes, I want to follow this report
follow-confirm-text = Confirm that you want a message at each step of this report.
follow-confirm-title = Follow a report by e-mail
history-csv = Download the history (CSV)

## Agents: notifications and comments
agent-nav-notices = Notifications
notices-title = Notifications
notices-new = New:
notices-none = Nothing yet.
notices-read = Mark all as read
notices-settings = By e-mail
notices-email-legend = How do you want to be told by e-mail?
notices-email-now = An e-mail each time
notices-email-digest = One e-mail a day, in the morning
notices-email-never = No e-mail: only here
notices-error = Choose one of the options.
notice-assigned = The task "{ $task }" is given to you
notice-mentioned = You are mentioned in the task "{ $task }"
notice-task_status = Your task "{ $task }" changed status
notice-due_soon = The task "{ $task }" is due tomorrow
notice-overdue = The task "{ $task }" is late
mail-digest-subject = balise: { $count } notifications
mail-notices-text = Hello,

    { $lines }

    To choose how you are told: { $settings }
comments-title = Comments
comments-none = No comments.
comment-label = Your comment
comment-hint = To tell someone of the commune, write @ and the start of their e-mail address, for example @jean.dupont.
comment-button = Add the comment
comment-error = Write a comment (5000 characters at most)

## Agents: projects, checklists, time
agent-nav-projects = Projects
projects-title = Projects – { $commune }
projects-none = No project yet.
projects-new = New project
projects-name-hint = For example "Redesign of the Grand-Place"
projects-create = Create the project
project-error-name = Give the project a name (200 characters at most)
project-caption = Project
project-features = On the map
project-features-hint = Works, a diversion or an event join the project from their form (field "Project").
project-no-features = Nothing on the map yet.
project-new-task = New task of the project
project-add-task = Add the task
task-project = Project
task-no-project = No project
task-checklist = Steps
task-new-steps = New steps
task-new-steps-hint = One step per line, for example "Put up the signs 48 hours before".
task-minutes-add = Time to add (minutes)
task-minutes-spent = Already spent: { $minutes } minutes.
task-error-nouvelles_etapes = A step holds at most 200 characters, a task at most 50 steps
task-error-minutes_ajoutees = Enter a number of minutes, for example 90
task-error-minutes = Enter a number of minutes, for example 90
task-error-projet = Choose a project of the commune
element-project = Project
tasks-view = View
tasks-view-liste = List
tasks-view-colonnes = Columns by status
tasks-view-calendrier = Calendar of due dates
tasks-none-dated = No task has a due date.
rules-up = Move rule { $n } up
rules-down = Move rule { $n } down

## Agents: task templates
templates-title = Task templates
templates-none = No template yet.
templates-new = New template
templates-add = Add the template
template-task-title = Title of the tasks
template-lead = { $days } working days before the start
template-lead-label = Due before the start (working days)
template-lead-hint = For a task of an item on the map: for example 2 to put up the signs 48 hours before a parking ban.
template-recurrence = Repeat
template-once = No repeat
template-weekly = Every { $day }
template-monthly = On day { $n } of every month
template-for-feature = New task from a template
template-make = Make the task
task-photos = Photos
task-no-photos = No photos.
task-photo-alt = Photo { $n } of the task
task-photo-add-label = Add a photo
task-photo-add-hint = JPEG, PNG or WebP, 10 MB at most, 20 photos per task. Only the commune’s people see it.
task-photo-add = Add the photo
task-error-photos-count = A task keeps 20 photos at most

# Journal (audit of the commune's settings)
agent-nav-journal = Log
journal-title = Change log – { $commune }
journal-intro = Who created, changed or deleted the services, routing rules, projects and task templates, and when. Map items and tasks have their own history on their page.
journal-kind = Type
journal-kind-all = All types
journal-one-object = You are looking at the history of one object.
journal-all = See the whole log
journal-csv = Download the log (CSV)
journal-caption = { $count ->
    [one] One change, newest first
   *[other] { $count } changes, newest first
}
journal-when = Date
journal-who = By
journal-what = Action
journal-object = Object
journal-details = Details
journal-none = No change recorded.
audit-kind-service = Service
audit-kind-regle = Routing rule
audit-kind-projet = Project
audit-kind-modele = Task template
audit-kind-compte = Account
audit-kind-jeton = Access token
audit-action-cree = Created
audit-action-renomme = Renamed
audit-action-modifie = Changed
audit-action-supprime = Deleted
audit-action-membre_ajoute = Person added
audit-action-membre_retire = Person removed
audit-action-deplace = Order changed
audit-action-role_donne = Role given
audit-action-role_retire = Role removed
audit-action-revoque = Revoked
audit-field-name = name
audit-field-email = address
audit-field-role = role
audit-field-category = category
audit-field-service = service
audit-field-position = place
audit-field-description = description
audit-field-title = title
audit-field-lead_days = working days before
audit-field-recurrence = repeats
services-history = History of “{ $name }”
services-edit = Rename or delete “{ $name }”
services-rename-label = Name of the service
services-delete-hint = A service can only be deleted once it has no rule, no open task and no open report left.
services-rename = Rename
services-delete = Delete the service
services-error-name-taken = Another service of the municipality already has this name
services-error-stale = Someone changed this service in the meantime. Here is its current name: try again if needed.
services-error-in-use = This service still has rules, open tasks or open reports. Give them to another service first.
services-renamed = The service was renamed.
services-deleted = The service was deleted.
rules-history = History of the rules
project-saved = The project was saved.
project-change = Change or delete the project
project-save = Save the project
project-delete = Delete the project
project-delete-hint = A project can only be deleted once no task and no map item belong to it.
project-history = History of the project
project-deleted = The project was deleted.
project-error-stale = Someone changed this project in the meantime. Here is the current version: try again if needed.
project-error-in-use = This project still has tasks or map items. Take them out of the project first.
project-error-name-taken = Another project of the municipality already has this name
project-error-description = The description is too long (10,000 characters at most)

# Documents on tasks
task-documents = Documents
task-no-documents = No document yet.
task-document-add-label = Attach a document
task-document-add-hint = Plan, permit, quote… Accepted formats: { $types }. 10 MB at most, 20 documents per task. Only the municipality's people see them.
task-document-add = Attach the document
task-document-error-size = The document is too large: { $mb } MB at most
task-document-error-none = Choose a document to attach
task-document-error-count = A task keeps at most 20 documents
task-document-error-type = This file is not an accepted document. Accepted formats: { $types }
size-kb = { $n } KB
size-mb = { $n } MB
dashboard-chart-categories = Chart: open reports by category and age
dashboard-chart-services = Chart: open reports by service
dashboard-chart-note = The same figures as in the table above.
dashboard-chart-on-time = On time
tasks-view-carte = On the map
tasks-map-placed = Tasks at their place
tasks-map-at = At:
tasks-map-none = None of these tasks is linked to a map item.
tasks-map-unplaced = Tasks with no place
tasks-map-label = Map of the tasks, at the place of their item
tasks-map-note = Each dot is a task, at the place of the item it is linked to. The list gives the same tasks.
notices-lang = Language of your e-mails
task-worker-note = The works manager decides the team, the person, the date and the priority. You say how the work is going: its status, the steps, the time spent, photos and documents.
task-error-planner-only = Only planners can change a task's title, team, person, date or priority
journal-more = The { $count } most recent changes are shown; the CSV file holds them all.
template-error-name = Give the template a name (200 characters at most)
template-error-name-taken = Another template of the municipality already has this name
template-error-lead = The lead is a number of working days, from 0 to 60
template-error-recurrence = Choose a repetition from the list
template-error-steps = At most 50 steps, of 200 characters at most each
template-error-title-field = Give the task a title (200 characters at most)
template-delete = Delete the template “{ $name }”
templates-history = History of the templates
task-document-remove = Remove “{ $name }”
tasks-move-label = Status of the task “{ $task }”
tasks-move = Change
task-photo-remove = Remove photo { $n }
journal-by-token = Access token “{ $name }”
journal-by-cli = The server's command line
journal-by-balise = balise (automatic job)
journal-by-admin-token = The server's administration token
template-change = change “{ $name }”
template-change-title = Change the template “{ $name }”
template-change-intro = Tasks already made from this template stay as they are. A new repetition starts from today.
template-history = History of the template
template-back = Back to the tasks
