# balise — interfaceteksten in het Nederlands. Dezelfde sleutels als de Franse bron.

## Site
site-tagline = Werken en evenementen in uw gemeente
skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-home = Home
nav-map = Kaart van de werken
nav-report = Een probleem melden
nav-follow = Een melding volgen
lang-switch-label = Taal
commune-of = Gemeente { $name }
back-home = Terug naar de startpagina
footer-help = Hulp nodig?
footer-help-page = Hulp en contact
footer-privacy = Privacy
footer-accessibility = Toegankelijkheid
footer-api = Open data
footer-licence = balise is vrije software, onder de EUPL-1.2-licentie. Gemeentegrenzen: Statbel.
contact-phone = Telefoon:
contact-email = E-mail:

## Fouten
error-title-prefix = Fout:{ " " }
error-summary-title = Er is een probleem
error-prefix = Fout:
not-found-title = Pagina niet gevonden
not-found-text = Deze pagina bestaat niet of staat niet meer online. Controleer het adres.

## Startpagina
home-title = Wat er gebeurt in uw gemeente
home-lead = Werken, omleidingen, parkeerverboden, evenementen: zie waar en wanneer. Meld een probleem op straat.
home-action-map = Werken en evenementen bekijken
home-action-map-text = In een lijst en op een kaart, dag per dag.
home-action-report = Een probleem melden
home-action-report-text = Een put in de weg, een kapotte straatlamp, afval: laat het de gemeente weten.
home-action-permit = Een vergunning aanvragen
home-action-permit-text = Voor een evenement, een container, een stelling of een verhuis.
home-action-follow = Een melding volgen
home-action-follow-text = Met de referentie die u kreeg, bijvoorbeeld SOI-2026-00042.
home-towns = De gemeenten
home-town-link = Wat er gebeurt in { $commune }

## Infopagina's
help-title = Hulp en contact
help-p1 = Hebt u een vraag? Praat u liever met iemand? Bel of schrijf de dienst openbare werken van uw gemeente.
help-h-map = De werken bekijken
help-p-map = De pagina "Kaart van de werken" toont een lijst. Kies een dag of een periode. U kunt een straat zoeken.
help-h-report = Een probleem melden
help-p-report = Beantwoord één vraag per pagina. U krijgt een referentie. Bewaar ze om uw melding te volgen.
help-h-counter = Zonder computer
help-p-counter = U kunt een probleem ook telefonisch of aan het loket van het gemeentehuis melden. Een medewerker vult het formulier met u in.
privacy-title = Privacy
privacy-p1 = Uw gemeente gebruikt uw gegevens om uw meldingen te behandelen. Ze volgt de Algemene Verordening Gegevensbescherming (AVG).
privacy-h-what = Wat we bewaren
privacy-p-what = De plaats, de categorie, uw beschrijving en uw foto's. Uw e-mail of telefoon, alleen als u ze geeft.
privacy-h-public = Wat openbaar is
privacy-p-public = Op de kaart ziet men alleen de categorie, de status en de datum. Nooit uw naam, e-mail of telefoon.
privacy-h-photos = Foto's
privacy-p-photos = We halen alle verborgen informatie uit de foto's, ook de gps-positie. Een foto wordt pas openbaar als een medewerker ze goedkeurt.
privacy-h-keep = Hoe lang
privacy-p-keep = Uw contactgegevens worden gewist een tijd nadat het probleem is afgesloten (een jaar, tenzij de gemeente anders kiest).
privacy-h-rights = Uw rechten
privacy-p-rights = U kunt uw gegevens inkijken, verbeteren of laten wissen. Schrijf uw gemeente. U kunt ook klacht indienen bij de Gegevensbeschermingsautoriteit.
a11y-title = Toegankelijkheid
a11y-p1 = De gemeenten willen dat deze site voor iedereen makkelijk te gebruiken is. Ze volgt het Waalse decreet van 2 mei 2019 en de norm EN 301 549.
a11y-h-status = Nalevingsstatus
a11y-p-status = Deze site mikt op niveau AA van WCAG 2.2. Elke pagina wordt automatisch getest. Alles werkt zonder JavaScript.
a11y-h-limits = Bekende beperkingen
a11y-p-limits = De kaart is een extra: de lijst ernaast toont dezelfde informatie. Oudere foto's hebben niet altijd een beschrijving.
a11y-h-contact = Kunt u iets niet gebruiken?
a11y-p-contact = Laat het ons weten per telefoon of e-mail bij uw gemeente. We antwoorden en geven u de informatie op een andere manier.
a11y-h-appeal = Beroep
a11y-p-appeal = Bent u niet tevreden met ons antwoord, dan kunt u terecht bij de gemeenschappelijke Ombudsman van Wallonië en de Federatie Wallonië-Brussel.
permits-title = Een vergunning aanvragen
permits-p1 = Binnenkort kunt u hier een vergunning aanvragen voor een evenement of om de openbare weg te gebruiken (container, stelling, verhuis).
permits-p2 = Neem intussen contact op met uw gemeente:
api-title = Open data
api-p1 = Alle openbare gegevens van de kaart zijn open. Programma's kunnen ze hier lezen:
api-features = werken, omleidingen, evenementen en meldingen, in GeoJSON
api-communes = de gemeenten
api-tiles = de vectortegels van de kaart
api-style = de kaartstijl voor MapLibre
api-ops = de toestand van de dienst
api-licence = Gemeentegrenzen: Statbel (opendatalicentie van Statistiek België).

## Soorten
kind-works = Werken
kind-diversion = Omleidingen
kind-parking_ban = Parkeerverboden
kind-event = Evenementen
kind-occupation = Inname van de openbare weg
kind-report = Meldingen
kind-one-works = Werken
kind-one-diversion = Omleiding
kind-one-parking_ban = Parkeerverbod
kind-one-event = Evenement
kind-one-occupation = Inname van de openbare weg
kind-one-report = Melding

## Status
status-planned = Gepland
status-in_progress = Bezig
status-suspended = Onderbroken
status-completed = Klaar
status-cancelled = Geannuleerd
status-new = Nieuw
status-acknowledged = In behandeling genomen
status-resolved = Hersteld
status-not_competent = Doorgegeven aan een andere beheerder
status-duplicate = Al gemeld
status-not_reproducible = Probleem niet vastgesteld
status-closed = Afgesloten zonder herstelling

## Kaart en lijst
carte-title = Werken en evenementen
carte-lead = Kies wat en wanneer. De lijst toont alles. De kaart toont dezelfde elementen.
filter-what = Wat?
filter-when = Wanneer?
when-opt-aujourdhui = Vandaag
when-opt-semaine = Deze week
when-opt-semaine-prochaine = Volgende week
when-opt-jour = Een gekozen dag
when-opt-periode = Een periode
when-day-legend = De gekozen dag
when-from-legend = Begin van de periode
when-to-legend = Einde van de periode
date-day = Dag
date-month = Maand
date-year = Jaar
date-hint = Bijvoorbeeld: 17 12 2026
filter-commune = Gemeente
filter-all-communes = Alle gemeenten
filter-search = Straat of plaats (niet verplicht)
filter-search-hint = Bijvoorbeeld: rue de la Station, Casteau, markt
filter-apply = Tonen
results-count = { $count ->
    [0] Geen resultaten
    [one] 1 resultaat
   *[other] { $count } resultaten
}
results-on = Op { $date }.
results-between = Van { $from } tot { $to }.
results-none-help = Niets gevonden. Probeer een andere datum of een ander woord.
col-what = Wat
col-where = Waar
col-when = Wanneer
col-status = Status
show-on-map = Op de kaart tonen
pagination-label = Pagina's met resultaten
page-prev = Vorige pagina
page-next = Volgende pagina
page-of = Pagina { $page } van { $pages }
map-heading = Kaart
map-label = Kaart van de werken en evenementen
map-nojs = De kaart heeft JavaScript en WebGL nodig. De lijst toont dezelfde informatie.
map-broader = Uw zoekopdracht vindt meer dan { $max } elementen: de kaart toont alles wat past bij de gekozen data en soorten.
skip-map = Kaart overslaan
legend-heading = Legende
legend-active = Bezig: volle lijn
legend-planned = Gepland: streepjes
legend-suspended = Onderbroken: stippen
legend-done = Klaar: dunne lijn met grote tussenruimte
maplibre-locale = nl
error-day = Geef een geldige datum, bijvoorbeeld 17 12 2026
error-range-from = Geef een geldige begindatum, bijvoorbeeld 17 12 2026
error-range-to = Geef een geldige einddatum, bijvoorbeeld 24 12 2026
error-range-order = De einddatum moet na de begindatum liggen
error-range-long = De periode mag hoogstens { $days } dagen duren
error-search-long = De zoekopdracht mag hoogstens { $max } tekens bevatten

## Fiche
back-to-map = Terug naar de lijst
feature-what = Wat
feature-category = Categorie:
feature-where = Waar
feature-coordinates = Coördinaten: { $lat }, { $lon }
feature-osm = bekijken op OpenStreetMap
feature-when = Wanneer
feature-diversions = Omleidingen
feature-serves = Voor de werken
feature-history = Opvolging
feature-contact = Contact
fact-owner = Bouwheer
fact-contractor = Aannemer
fact-applicant = Aanvrager

## Datums in woorden
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
date-full = { $weekday } { $day } { $month }
date-short = { $weekday } { $day }
date-with-year = { $date } { $year }
date-at = { $date } om { $time }
time = { $h }.{ $mm } uur
and = en
when-on = op { $date }
when-range = van { $from } tot { $to }
when-on-hours = op { $date }, van { $start } tot { $end }
when-range-hours = van { $from } om { $start } tot { $to } om { $end }
when-from = vanaf { $from }, tot nader bericht
when-hours = van { $start } tot { $end }
when-except = behalve op { $dates }
days-every = elke dag
days-span = van { $first } tot { $last }
days-each = elke { $days }

## Een probleem melden
back = Terug
continue = Verder
change = Wijzigen
report-start-title = Een probleem melden
report-start-lead = Een put in de weg, een kapotte straatlamp, afval? Laat het uw gemeente weten.
report-start-steps = We vragen u:
report-start-where = waar het probleem is;
report-start-what = welk probleem het is;
report-start-photos = foto's, als u wilt;
report-start-contact = hoe we u op de hoogte houden, als u wilt.
report-start-urgent = Direct gevaar? Bel de politie op 101 of de hulpdiensten op 112.
report-start-button = Beginnen
report-lieu-title = Waar is het probleem?
lieu-intro = Zoek een straat of een plaats, of beschrijf de plek met uw eigen woorden.
lieu-search-label = Straat of plaats
lieu-search-hint = Bijvoorbeeld: rue Neuve, Grand-Place, Casteau
lieu-search-button = Zoeken
lieu-found-legend = Kies de plaats
lieu-words-label = Beschrijf de plek (niet verplicht als u een plaats koos)
lieu-words-hint = Bijvoorbeeld: voor nummer 12, bij de bushalte
lieu-commune-label = Gemeente
lieu-commune-choose = Kies de gemeente
lieu-error-none-found = Geen plaats gevonden. Beschrijf de plek en kies de gemeente.
lieu-error-commune = Kies de gemeente waar het probleem is
lieu-error-none = Zeg waar het probleem is
lieu-error-neighbour = Deze plek ligt in { $commune }. Neem rechtstreeks contact op met die gemeente.
lieu-error-outside = Deze plek ligt niet in een gemeente die we kennen.
report-categorie-title = Wat is het probleem?
categorie-error = Kies het soort probleem
report-doublons-title = Al gemeld?
doublons-intro = Deze problemen werden vlakbij al gemeld:
doublons-distance = op { $metres } m
doublons-follow = Is het hetzelfde probleem, volg het dan: twee keer melden is niet nodig.
doublons-continue = Het is een ander probleem, verder
report-description-title = Beschrijf het probleem
description-hint = Zeg wat u ziet. Bijvoorbeeld: een diepe put in de rijbaan, rechts.
description-error-empty = Beschrijf het probleem
error-too-long = Schrijf hoogstens { $max } tekens
report-photos-title = Foto's toevoegen (niet verplicht)
photos-label = Foto's
photos-hint = Tot 3 foto's, in JPEG, PNG of WebP, elk hoogstens 10 MB.
photos-thumb-alt = Uw foto { $n }
photos-remove = Foto verwijderen
photos-error-size = Een foto is groter dan 10 MB. Kies een kleinere foto.
photos-error-count = U kunt hoogstens { $max } foto's toevoegen
photos-error-format = Het bestand { $file } is geen JPEG-, PNG- of WebP-foto
photos-error-pixels = De foto { $file } is te groot ({ $mp } megapixels): hoogstens { $max } megapixels. Stuur een kleinere foto, bijvoorbeeld genomen met uw telefoon.
photos-error-unwritable = De foto kon niet worden bewaard. Probeer het over enkele minuten opnieuw.
report-contact-title = Wilt u op de hoogte blijven?
contact-hint = We schrijven u als het probleem vordert. We publiceren nooit uw gegevens.
contact-by-email = Ja, per e-mail
contact-email-label = E-mailadres
contact-by-phone = Ja, per telefoon
contact-phone-label = Telefoonnummer
contact-anonymous = Nee, anoniem blijven
contact-error-email = Geef een e-mailadres, bijvoorbeeld naam@voorbeeld.be
contact-error-phone = Geef een telefoonnummer, bijvoorbeeld 067 12 34 56
contact-error-choice = Kies of u op de hoogte wilt blijven
report-verifier-title = Controleer uw melding
check-where = Waar
check-what = Probleem
check-description = Beschrijving
check-photos = Foto's
check-photo-count = { $count ->
    [0] Geen foto
    [one] 1 foto
   *[other] { $count } foto's
}
check-contact = U op de hoogte houden
honeypot-label = Vul dit veld niet in
check-send-text = Door te verzenden bezorgt u deze melding aan uw gemeente.
send-button = Melding verzenden
sent-title = Melding verzonden
sent-reference = Uw referentie:
sent-keep = Noteer deze referentie. Hiermee volgt u uw melding, ook per telefoon.
sent-next-title = Wat gebeurt er nu?
sent-next-text = De dienst openbare werken van uw gemeente bekijkt uw melding. Ze staat op de kaart. Als u uw e-mail gaf, krijgt u bij elke stap een bericht.
sent-follow-link = Deze melding volgen
sent-print = Om een kopie te bewaren, druk deze pagina af of bewaar ze als pdf.
sent-another = Een ander probleem melden
follow-title = Een melding volgen
follow-report-title = Melding { $reference }
follow-hint = Ze staat in uw bevestiging. Bijvoorbeeld: SOI-2026-00042.
follow-button = Opvolging bekijken
follow-error-empty = Geef de referentie van de melding
follow-error-format = Geef de referentie zoals in uw bevestiging, bijvoorbeeld SOI-2026-00042
follow-error-unknown = Geen enkele melding heeft de referentie { $reference }
explain-new = Uw melding is aangekomen. De dienst bekijkt ze.
explain-acknowledged = De dienst heeft het probleem gezien en pakt het aan.
explain-planned = Een herstelling is gepland.
explain-in_progress = De gemeentearbeiders zijn ermee bezig.
explain-resolved = Het probleem is hersteld.
explain-not_competent = Dit probleem hoort bij een andere beheerder. We hebben het doorgegeven.
explain-duplicate = Dit probleem was al gemeld. Volg de eerste melding.
explain-not_reproducible = De dienst vond het probleem niet ter plaatse.
explain-closed = De melding is afgesloten zonder herstelling.
unsubscribe-title = Geen berichten meer ontvangen
unsubscribe-text = U krijgt geen berichten meer over deze melding.
unsubscribe-button = Bevestigen
unsubscribe-done = Klaar. U krijgt geen berichten meer over deze melding.
csrf-title = Het formulier is verlopen
csrf-text = Begin voor uw veiligheid opnieuw vanaf de vorige pagina. Uw antwoorden blijven bewaard.
spam-title = Verzending geweigerd
spam-text = Uw verzending kon niet worden aanvaard. Bent u een persoon, bel dan uw gemeente.
send-error-title = De melding kon niet worden verzonden
send-error-text = Probeer het over enkele minuten opnieuw, of bel uw gemeente.
too-many-title = Te veel verzendingen
too-many-text = U hebt in korte tijd veel formulieren verzonden. Wacht een minuut en probeer opnieuw.
mail-confirm-subject = Uw melding { $reference } is goed aangekomen
mail-confirm-text = Goedendag,

    Uw gemeente heeft uw melding ontvangen. De referentie is { $reference }.

    Volg ze hier: { $link }

    We schrijven u bij elke stap.
mail-status-subject = Uw melding { $reference }: { $status }
mail-status-text = Goedendag,

    Uw melding { $reference } is gewijzigd: { $status }.
    { $explain }

    Volg ze hier: { $link }
lieu-map-hint = Of tik op de kaart waar het probleem is.
lieu-map-label = Kaart om de plek van het probleem aan te duiden
lieu-map-chosen = Gekozen plek: { "{" }lat{ "}" }, { "{" }lon{ "}" }
lieu-locating = Uw positie wordt gezocht…
lieu-no-position = Uw positie is niet beschikbaar. Zoek een straat of beschrijf de plek.
lieu-show-map = De kaart tonen
lieu-my-position = Mijn positie gebruiken
feature-photo-alt = Foto { $n } van het probleem
follow-by-email-title = Nieuws per e-mail krijgen
follow-by-email-hint = Hebt u hetzelfde probleem gezien? Meld het niet opnieuw: krijg bij elke stap een bericht.
follow-by-email-button = Deze melding volgen
follow-by-email-done = We hebben u een e-mail gestuurd. Klik op de link erin om te bevestigen: daarna krijgt u bij elke stap een bericht.
mail-follow-subject = Bevestig dat u melding { $reference } wilt volgen
mail-follow-text = Hallo,

    Om bij elke stap van melding { $reference } een bericht te krijgen, bevestig hier: { $link }

    Hebt u niets gevraagd, doe dan niets: u krijgt niets meer.
## Agents: signing in, accounts
footer-agents = Personeelsruimte
optional = (niet verplicht)
filter-button = Tonen
date-time = Uur
signin-title = Aanmelden bij de personeelsruimte
signin-intro = Deze ruimte is voor het personeel van de gemeenten. Burgers hebben geen account nodig.
signin-email = E-mailadres
signin-password = Wachtwoord
signin-button = Aanmelden
signin-forgot = Wachtwoord vergeten of eerste bezoek
signin-error-email = Vul uw e-mailadres in
signin-error-password = Vul uw wachtwoord in
signin-error-wrong = Het e-mailadres of het wachtwoord klopt niet
signin-error-wait = Te veel mislukte pogingen voor dit adres. Probeer het opnieuw vanaf { $time }, of kies een nieuw wachtwoord.
signin-done-password = Uw wachtwoord is opgeslagen. Meld u ermee aan.
signin-done-signed-out = U bent afgemeld.
signin-done-everywhere = U bent afgemeld op al uw toestellen.
forgot-title = Een nieuw wachtwoord kiezen
forgot-hint = We sturen u een link die 1 uur geldig is.
forgot-button = Stuur mij de link
forgot-error-email = Vul een e-mailadres in, bijvoorbeeld naam@gemeente.be
forgot-sent = Als er een account bestaat voor { $email }, is er net een link naartoe gestuurd. Hij is 1 uur geldig.
forgot-back = Terug naar aanmelden
reset-title = Uw nieuwe wachtwoord
reset-password = Nieuw wachtwoord
reset-hint = Minstens 12 tekens. Een zin die u makkelijk onthoudt, werkt goed.
reset-confirmation = Hetzelfde wachtwoord nog een keer
reset-button = Wachtwoord opslaan
reset-error-short = Het wachtwoord moet minstens { $count } tekens hebben
reset-error-long = Het wachtwoord is te lang
reset-error-confirmation = De twee wachtwoorden zijn niet gelijk
reset-expired = Deze link werkt niet meer: hij is al gebruikt of ouder dan 1 uur.
reset-ask-again = Een nieuwe link vragen
mail-reset-subject = Uw wachtwoord voor balise
mail-reset-text = Goedendag,

    Open deze link binnen het uur om uw wachtwoord voor de personeelsruimte te kiezen:
    { $link }

    Hebt u niets gevraagd? Negeer dit bericht: uw wachtwoord verandert niet.
account-title = Mijn account
account-signed-in-as = U bent aangemeld als { $email }.
account-roles = Uw rollen
account-everywhere-title = Toestel kwijt?
account-everywhere-text = U kunt al uw sessies beëindigen, op alle toestellen, ook dit.
account-everywhere-button = Mij overal afmelden
role-agent = Medewerker
role-coordinator = Coördinator
role-worker = Gemeentearbeider
role-admin = Beheerder
tokens-title = API-sleutels
tokens-intro = Met een sleutel gebruikt een ander programma van de gemeente de API met één rol. Hij wordt maar één keer getoond.
tokens-created = Hier is de nieuwe sleutel. Kopieer hem nu: hij wordt nooit meer getoond.
tokens-name = Naam
tokens-name-hint = Het programma dat hem gebruikt, bijvoorbeeld "GIS van de technische dienst"
tokens-commune = Gemeente
tokens-role = Rol
tokens-created-at = Gemaakt op
tokens-action = Actie
tokens-revoke = De sleutel { $name } intrekken
tokens-revoked = Ingetrokken
tokens-new = Nieuwe sleutel
tokens-create = Sleutel maken
tokens-error-name = Geef de sleutel een naam
tokens-error-role = Kies een rol
tokens-error-commune = U bent geen beheerder van deze gemeente
tokens-error-revoke = Deze sleutel bestaat niet of is niet van uw gemeente
unavailable-title = Dienst even niet beschikbaar
unavailable-text = Probeer het over enkele minuten opnieuw. Blijft het probleem, verwittig dan de informaticadienst.
draft-unsaved-text = Uw antwoord kon niet worden bewaard. Ga terug naar de vorige pagina en verstuur het over enkele minuten opnieuw.
forbidden-title = Niet toegestaan
forbidden-text = Uw rol staat dit niet toe voor deze gemeente.
stale-title = Iemand heeft dit element intussen gewijzigd
stale-text = Laad de pagina opnieuw om de laatste versie te zien en probeer opnieuw.

## Agents: workspace
agent-nav-label = Personeelsruimte
agent-nav-list = Inname van de openbare ruimte
agent-nav-conflicts = Conflicten
agent-nav-account = Mijn account
agent-sign-out = Afmelden
agent-title = Inname van de openbare ruimte
agent-new = Maken
agent-new-kind = Nieuw: { $kind }
agent-filters = De lijst filteren
agent-filter-kind = Soort
agent-filter-status = Stand
agent-filter-all = Alle
agent-filter-my-communes = Al mijn gemeenten
agent-filter-from = Actief vanaf
agent-filter-to = Actief tot
agent-filter-text = Woorden uit de titel of de beschrijving
agent-count = { $count ->
    [0] Geen element
    [one] 1 element
   *[other] { $count } elementen
}
agent-none = Geen element past bij deze filters.
agent-internal = Intern
agent-row-conflicts = { $count ->
    [one] 1 conflict
   *[other] { $count } conflicten
}
agent-map-label = Kaart van de inname van de openbare ruimte, ook interne elementen
agent-map-note = Stippellijnen zijn interne, niet gepubliceerde elementen.
element-new-title = Nieuw: { $kind }
element-kind = Soort
element-title = Titel
element-title-hint = Wat burgers zien, bijvoorbeeld "Heraanleg van de rue de Mons"
element-description = Beschrijving
element-status = Stand
element-public = Publiceren op de openbare kaart
element-where = Waar?
element-shape = Vorm
element-coordinates = Coördinaten
element-coordinates-hint = Eén regel per punt: breedtegraad, lengtegraad (bijvoorbeeld 50.5794, 4.0712). Geef voor een zone de hoeken in volgorde. De kaart vult dit in als u tekent.
element-when = Wanneer?
element-when-hint = Geef minstens één periode of uren per week. Zonder uur telt de hele dag.
element-save = Opslaan
element-check = Conflicten nakijken
element-conflicts = { $count ->
    [0] Conflicten
    [one] 1 conflict
   *[other] { $count } conflicten
}
element-no-conflicts = Geen conflict met andere innames.
element-history = Geschiedenis
element-is-public = Gepubliceerd op de openbare kaart.
element-is-internal = Intern: alleen het personeel van de gemeente ziet het.
element-see-public = De openbare pagina bekijken
element-publish = Publiceren
element-unpublish = Van de openbare kaart halen
element-done-created = Het element is gemaakt.
element-done-saved = De wijzigingen zijn opgeslagen.
element-done-published = Het element staat op de openbare kaart.
element-done-unpublished = Het element staat niet meer op de openbare kaart.
element-done-assessed = De beoordeling is opgeslagen.
history-create = Gemaakt
history-update = Gewijzigd
history-delete = Verwijderd
shape-point = Een punt
shape-ligne = Een lijn (langs straten)
shape-zone = Een zone
shape-geojson = Complexe vorm (GeoJSON)
draw-heading = Tekenen op de kaart
draw-skip = De kaart overslaan en de coördinaten typen
draw-nojs = Typ zonder JavaScript de coördinaten hieronder.
draw-hint = Kies een vorm en tik dan op de kaart bij elk punt. Tik opnieuw op het laatste of eerste punt om een lijn of zone af te sluiten.
draw-tools = Tekengereedschap
draw-point = Punt
draw-line = Lijn
draw-zone = Zone
draw-clear = Wissen
draw-label = Kaart om de plaats te tekenen
draw-done = Vorm getekend. De coördinaten zijn ingevuld.
period-n = Periode { $n }
period-start = Begin
period-start-hint = Bijvoorbeeld 17 12 2026, uur 7:30
period-end = Einde
period-end-hint = Laat leeg als het einde niet bekend is.
weekly-title = Uren per week (niet verplicht)
weekly-hint = Bijvoorbeeld maandag tot vrijdag, van 7:00 tot 16:00, gedurende 3 weken.
weekly-n = Uren { $n }
weekly-from = Eerste dag
weekly-to = Laatste dag
weekly-days = Dagen
weekly-from-time = Van (uur)
weekly-to-time = Tot (uur)
exceptions-label = Dagen zonder inname
exceptions-hint = Bijvoorbeeld 25/12/2026, 01/01/2027
serves-legend = Werken waar deze omleiding omheen gaat
serves-none = Geen lopende of komende werken.
signage-legend = Plaatsing van de borden
signage-hint = De borden moeten minstens 48 uur voor het begin staan.
signage-warning = Let op: de borden komen { $hours } uur voor het begin. Er zijn er minstens 48 nodig.
preview-title = Conflicten met andere innames
preview-hint = Conflicten verschijnen hier als u tekent of op "Conflicten nakijken" klikt.
preview-none = Geen conflict gevonden.
preview-found = { $count ->
    [one] 1 conflict gevonden. U kunt toch opslaan en het daarna beoordelen.
   *[other] { $count } conflicten gevonden. U kunt toch opslaan en ze daarna beoordelen.
}
preview-incomplete = Vul de plaats en de data aan om conflicten te zien.
form-error-kind = Kies een soort
form-error-title = Vul een titel in
form-error-title-long = De titel mag hoogstens 200 tekens hebben
form-error-description-long = De beschrijving is te lang
form-error-status = Kies een stand uit de lijst
form-error-coordinates-line = Regel { $line } van de coördinaten is niet "breedtegraad, lengtegraad"
form-error-coordinates-none = Teken de plaats op de kaart of typ de coördinaten
form-error-coordinates-count = Een punt heeft 1 regel, een lijn minstens 2, een zone minstens 3
form-error-geojson = De GeoJSON-vorm is niet geldig
form-error-geometry = De vorm is niet geldig: hij snijdt zichzelf of punten vallen samen
form-error-outside = De plaats ligt buiten uw gemeente
form-error-forbidden = Uw rol staat niet toe om in deze gemeente een element te maken of te wijzigen
form-error-stale = Iemand heeft dit element intussen gewijzigd. Laad de pagina opnieuw en probeer opnieuw.
form-error-unavailable = Opslaan is mislukt. Probeer het over enkele minuten opnieuw.
form-error-date = Vul een echte datum in, bijvoorbeeld 17 12 2026
form-error-time = Vul een uur in, bijvoorbeeld 7:30
form-error-end-before-start = Het einde moet na het begin komen
form-error-days = Vink minstens één dag aan
form-error-exceptions = Schrijf de dagen als 25/12/2026, gescheiden door komma's
form-error-schedule-empty = Geef minstens één periode of uren per week
form-error-recurrence-long = Uren per week mogen hoogstens 3 jaar duren
form-error-schedule-large = Deze uren geven te veel periodes; splits ze op

## Agents: conflicts
conflicts-title = Conflicten – { $commune }
conflicts-intro = Twee innames zijn in conflict als ze op hetzelfde moment minder dan 20 meter van elkaar liggen. Elke betrokken gemeente geeft haar oordeel. Een oordeel moet opnieuw bekeken worden als een van beide elementen verandert.
conflicts-open = { $count ->
    [0] Te beoordelen
   *[other] Te beoordelen ({ $count })
}
conflicts-settled = { $count ->
    [0] Beoordeeld
   *[other] Beoordeeld ({ $count })
}
conflicts-none-open = Niets te beoordelen.
conflicts-none-settled = Geen beoordeeld conflict.
conflict-when = Samen van { $start } tot { $end }
conflict-open-end = einde niet bekend
conflict-distance = op { $metres } m
assessment-to_assess = Te beoordelen
assessment-accepted = Aanvaard
assessment-refused = Geweigerd
assessment-to_reassess = Opnieuw te beoordelen
assess-legend = Oordeel van { $commune }
assess-accepted = Aanvaard: beide kunnen doorgaan
assess-refused = Geweigerd: een van beide moet veranderen
assess-note = Opmerking
assess-button = Oordeel opslaan
assess-error-title = Het oordeel is niet opgeslagen
assess-error-verdict = Kies "Aanvaard" of "Geweigerd".
assess-error-note = De opmerking is te lang (hoogstens 2000 tekens).

## Agents: accounts of the commune
people-title = Accounts van de gemeente
people-name = Naam
people-invited = Uitnodiging verstuurd, nog geen wachtwoord gekozen
people-remove = De rol { $role } afnemen van { $email }
people-new = Een persoon toevoegen
people-email-hint = Heeft de persoon nog geen account, dan krijgt ze een e-mail om een wachtwoord te kiezen.
people-add = Deze rol geven
people-added = { $email } heeft nu deze rol.
people-error-add = Dit account kon niet gemaakt worden. Kijk het adres na.
people-error-remove = Deze rol bestaat niet of is niet van uw gemeente
mail-invite-subject = Uw account voor balise
mail-invite-text = Goedendag,

    Er is een account voor de personeelsruimte van balise voor u gemaakt.
    Open deze link binnen het uur om uw wachtwoord te kiezen:
    { $link }

    Daarna kunt u een nieuwe link vragen met "Wachtwoord vergeten".
conflicts-first = De { $shown } eerstkomende, van de { $count }.
assess-earlier = { $count ->
    [one] 1 vorig oordeel
   *[other] { $count } vorige oordelen
}

## Agents: report triage and services
agent-nav-reports = Meldingen
agent-nav-services = Diensten
triage-title = Te behandelen meldingen – { $commune }
triage-service = Dienst
triage-no-service = Geen dienst
triage-late-only = Alleen te laat
triage-late-count = { $count ->
    [one] 1 melding is te laat.
   *[other] { $count } meldingen zijn te laat.
}
triage-received = Ontvangen op { $date }
triage-due = te behandelen tegen { $date }
triage-late-by = { $days ->
    [one] 1 werkdag te laat
   *[other] { $days } werkdagen te laat
}
triage-precision = Toelichting
triage-precision-hint = Verplicht voor: doorgestuurd naar een andere beheerder (naar wie?), al gemeld (welke referentie?), afgesloten zonder herstelling (waarom?), heropening (waarom?). Wie meldde, krijgt bij elke verandering een e-mail.
triage-save = Opslaan voor { $reference }
triage-details = Details
triage-done = Opgeslagen.
triage-error-reason = Geef de toelichting die deze stand vraagt.
triage-error-transition = Deze verandering van stand kan niet. Een afgesloten melding kan alleen terug naar "In behandeling genomen", met de reden.
services-title = Diensten – { $commune }
services-list = Diensten van de gemeente
services-none = Nog geen dienst.
services-new = Nieuwe dienst
services-name-hint = Bijvoorbeeld Wegen, Netheid, Groendienst
services-add = Dienst toevoegen
services-members = Personen van de diensten
services-person = Persoon
services-put-in = In de dienst zetten
services-take-out = Uit de dienst halen
services-error-name = Geef de dienst een naam
services-error-member = Kies een persoon en een dienst van uw gemeente
services-error-area = De zone moet een GeoJSON-veelhoek zijn
services-error-service = Kies een dienst van uw gemeente
services-error-rule = Deze regel bestaat niet of is niet van uw gemeente
rules-title = Regels om meldingen door te sturen
rules-intro = Een nieuwe melding gaat naar de dienst van de eerste regel die erop past, in volgorde.
rules-none = Geen regel: meldingen komen zonder dienst binnen.
rules-any-category = Elke categorie
rules-in-area = in een zone
rules-delete = Regel { $n } verwijderen
rules-new = Nieuwe regel
rules-category = Categorie
rules-area = Zone
rules-area-hint = Een GeoJSON-veelhoek. Leeg: de hele gemeente.
rules-add = Regel toevoegen

## Agents: tasks
agent-nav-tasks = Taken
triage-make-task = Een taak maken van { $reference }
tasks-title = Taken – { $commune }
tasks-mine = Alleen mijn taken
tasks-count = { $count ->
    [0] Geen taak
    [one] 1 taak
   *[other] { $count } taken
}
tasks-none = Geen taak past.
tasks-due = tegen { $date }
tasks-late = Te laat
task-caption = Taak
task-feature = Bekijken waar de taak over gaat
task-team = Ploeg (dienst)
task-assignee = Persoon
task-nobody = Niemand in het bijzonder
task-due = Te doen tegen
task-priority = Prioriteit
task-priority-1 = Dringend
task-priority-2 = Normaal
task-priority-3 = Wanneer mogelijk
task-version = Versie { $n }
task-status-a_faire = Te doen
task-status-en_cours = Bezig
task-status-bloquee = Geblokkeerd
task-status-faite = Gedaan
task-error-title = Vul een titel in (hoogstens 200 tekens)
task-error-status = Kies een stand uit de lijst
task-error-service = Kies een dienst van de gemeente
task-error-assignee = Kies een persoon van de gemeente
task-error-priority = Kies een prioriteit uit de lijst
task-error-description = De beschrijving is te lang

## Agents: dashboard
agent-nav-dashboard = Overzicht
dashboard-title = Overzicht – { $commune }
dashboard-late = meldingen te laat.
dashboard-see-late = Bekijken
dashboard-resolved-month = meldingen hersteld deze maand.
dashboard-median = Mediane behandeltijd: { $days } dagen (over { $count } meldingen afgesloten in 12 maanden).
dashboard-median-none = Geen melding afgesloten in 12 maanden.
dashboard-open-caption = Open meldingen, per categorie en leeftijd
dashboard-age-young = Minder dan een week
dashboard-age-middle = 1 tot 4 weken
dashboard-age-old = Meer dan 4 weken
dashboard-total = Totaal
dashboard-services-caption = Open meldingen, per dienst
dashboard-open = Open
dashboard-late-col = Te laat
task-repaired-title = Het is hersteld
task-repaired-photo = Foto van het gedane werk
task-repaired-hint = JPEG, PNG of WebP, hoogstens 10 MB. De foto is openbaar op de pagina van de melding; wie meldde, wordt verwittigd.
task-repaired-button = Als hersteld markeren
task-error-photo = Voeg een foto van het gedane werk toe
task-error-report-closed = De melding is anders afgesloten. Heropen ze eerst vanuit de lijst van meldingen.
triage-error-duplicate = Geef de referentie van een andere melding van de gemeente, bijvoorbeeld BLC-2026-00012.
reopen-title = Is het probleem niet opgelost?
reopen-label = Wat er niet goed is
reopen-hint = Bijvoorbeeld: het gat is terug. De melding wordt heropend en de dienst verwittigd.
reopen-button = De melding heropenen
reopen-error-motif = Zeg in enkele woorden wat er niet goed is (minstens 5 tekens)
reopen-closed-title = Deze melding kan niet meer heropend worden
reopen-closed-text = Ze is al meer dan 60 dagen afgesloten, of ze is samengevoegd met een andere. Doe een nieuwe melding.
reopen-link-text = Open de link in de laatste e-mail erover, of doe een nieuwe melding.
reopen-link-title = Alleen wie de melding deed, kan ze heropenen
reopen-by-link = Hebt u het zelf gemeld, open dan de link in de laatste e-mail erover: dan kunt u het heropenen. Zo niet, doe een nieuwe melding of contacteer de gemeente.
follow-confirm-done = Genoteerd. U krijgt bij elke stap een bericht.
follow-confirm-button = Ja, ik wil deze melding volgen
follow-confirm-text = Bevestig dat u bij elke stap van deze melding een bericht wilt krijgen.
follow-confirm-title = Een melding volgen per e-mail
history-csv = De geschiedenis downloaden (CSV)

## Agents: notifications and comments
agent-nav-notices = Meldingen voor mij
notices-title = Meldingen voor mij
notices-new = Nieuw:
notices-none = Nog niets.
notices-read = Alles als gelezen markeren
notices-settings = Per e-mail
notices-email-legend = Hoe wilt u per e-mail verwittigd worden?
notices-email-now = Telkens een e-mail
notices-email-digest = Eén e-mail per dag, ’s morgens
notices-email-never = Geen e-mail: alleen hier
notices-error = Kies een van de mogelijkheden.
notice-assigned = De taak "{ $task }" is aan u toevertrouwd
notice-mentioned = U wordt vermeld in de taak "{ $task }"
notice-task_status = Uw taak "{ $task }" is van stand veranderd
notice-due_soon = De taak "{ $task }" moet morgen klaar zijn
notice-overdue = De taak "{ $task }" is te laat
mail-digest-subject = balise: { $count } meldingen
mail-notices-text = Goedendag,

    { $lines }

    Kiezen hoe u verwittigd wordt: { $settings }
comments-title = Opmerkingen
comments-none = Geen opmerkingen.
comment-label = Uw opmerking
comment-hint = Om iemand van de gemeente te verwittigen, schrijf @ en het begin van het e-mailadres, bijvoorbeeld @jan.peeters.
comment-button = Opmerking toevoegen
comment-error = Schrijf een opmerking (hoogstens 5000 tekens)

## Agents: projects, checklists, time
agent-nav-projects = Projecten
projects-title = Projecten – { $commune }
projects-none = Nog geen project.
projects-new = Nieuw project
projects-name-hint = Bijvoorbeeld "Heraanleg van de Grote Markt"
projects-create = Project maken
project-error-name = Geef het project een naam (hoogstens 200 tekens)
project-caption = Project
project-features = Op de kaart
project-features-hint = Werken, een omleiding of een evenement worden deel van het project via hun fiche (veld "Project").
project-no-features = Nog niets op de kaart.
project-new-task = Nieuwe taak van het project
project-add-task = Taak toevoegen
task-project = Project
task-no-project = Geen project
task-checklist = Stappen
task-new-steps = Nieuwe stappen
task-new-steps-hint = Eén stap per regel, bijvoorbeeld "Borden 48 uur vooraf plaatsen".
task-minutes-add = Tijd toe te voegen (minuten)
task-minutes-spent = Al besteed: { $minutes } minuten.
task-error-nouvelles_etapes = Een stap heeft hoogstens 200 tekens, een taak hoogstens 50 stappen
task-error-minutes_ajoutees = Vul een aantal minuten in, bijvoorbeeld 90
task-error-minutes = Vul een aantal minuten in, bijvoorbeeld 90
task-error-projet = Kies een project van de gemeente
element-project = Project
tasks-view = Weergave
tasks-view-liste = Lijst
tasks-view-colonnes = Kolommen per stand
tasks-view-calendrier = Kalender van de termijnen
tasks-none-dated = Geen enkele taak heeft een termijn.
rules-up = Regel { $n } omhoog
rules-down = Regel { $n } omlaag

## Agents: task templates
templates-title = Taaksjablonen
templates-none = Nog geen sjabloon.
templates-new = Nieuw sjabloon
templates-add = Sjabloon toevoegen
template-task-title = Titel van de taken
template-lead = { $days } werkdagen voor het begin
template-lead-label = Termijn voor het begin (werkdagen)
template-lead-hint = Voor een taak bij een element op de kaart: bijvoorbeeld 2 om de borden 48 uur voor een parkeerverbod te plaatsen.
template-recurrence = Herhaling
template-once = Geen herhaling
template-weekly = Elke { $day }
template-monthly = De { $n }e van elke maand
template-for-feature = Nieuwe taak uit een sjabloon
template-make = Taak maken
task-photos = Foto’s
task-no-photos = Geen foto’s.
task-photo-alt = Foto { $n } van de taak
task-photo-add-label = Een foto toevoegen
task-photo-add-hint = JPEG, PNG of WebP, hoogstens 10 MB, 20 foto’s per taak. Alleen de mensen van de gemeente zien ze.
task-photo-add = Foto toevoegen
task-error-photos-count = Een taak houdt hoogstens 20 foto’s bij

# Journal (audit of the commune's settings)
agent-nav-journal = Logboek
journal-title = Logboek van wijzigingen – { $commune }
journal-intro = Wie de diensten, doorverwijsregels, projecten en taaksjablonen aanmaakte, wijzigde of verwijderde, en wanneer. Elementen op de kaart en taken hebben hun eigen geschiedenis op hun pagina.
journal-kind = Soort
journal-kind-all = Alle soorten
journal-one-object = U ziet de geschiedenis van één object.
journal-all = Het hele logboek bekijken
journal-csv = Het logboek downloaden (CSV)
journal-caption = { $count ->
    [one] Eén wijziging, de nieuwste eerst
   *[other] { $count } wijzigingen, de nieuwste eerst
}
journal-when = Datum
journal-who = Door
journal-what = Actie
journal-object = Object
journal-details = Details
journal-none = Geen wijziging geregistreerd.
audit-kind-service = Dienst
audit-kind-regle = Doorverwijsregel
audit-kind-projet = Project
audit-kind-modele = Taaksjabloon
audit-kind-compte = Account
audit-kind-jeton = Toegangssleutel
audit-action-cree = Aangemaakt
audit-action-renomme = Nieuwe naam
audit-action-modifie = Gewijzigd
audit-action-supprime = Verwijderd
audit-action-membre_ajoute = Persoon toegevoegd
audit-action-membre_retire = Persoon verwijderd
audit-action-deplace = Volgorde gewijzigd
audit-action-role_donne = Rol gegeven
audit-action-role_retire = Rol ingetrokken
audit-action-revoque = Ingetrokken
audit-field-name = naam
audit-field-email = adres
audit-field-role = rol
audit-field-category = categorie
audit-field-service = dienst
audit-field-position = plaats
audit-field-description = beschrijving
audit-field-title = titel
audit-field-lead_days = werkdagen vooraf
audit-field-recurrence = herhaling
services-history = Geschiedenis van „{ $name }”
services-edit = „{ $name }” hernoemen of verwijderen
services-rename-label = Naam van de dienst
services-delete-hint = Een dienst kan pas verwijderd worden als hij geen regel, open taak of open melding meer heeft.
services-rename = Hernoemen
services-delete = De dienst verwijderen
services-error-name-taken = Een andere dienst van de gemeente heeft al deze naam
services-error-stale = Iemand heeft deze dienst intussen gewijzigd. Dit is de huidige naam: probeer opnieuw indien nodig.
services-error-in-use = Deze dienst heeft nog regels, open taken of open meldingen. Geef ze eerst aan een andere dienst.
services-renamed = De dienst is hernoemd.
services-deleted = De dienst is verwijderd.
rules-history = Geschiedenis van de regels
project-saved = Het project is opgeslagen.
project-change = Het project wijzigen of verwijderen
project-save = Het project opslaan
project-delete = Het project verwijderen
project-delete-hint = Een project kan pas verwijderd worden als er geen taak of element op de kaart meer bij hoort.
project-history = Geschiedenis van het project
project-deleted = Het project is verwijderd.
project-error-stale = Iemand heeft dit project intussen gewijzigd. Dit is de huidige versie: probeer opnieuw indien nodig.
project-error-in-use = Dit project heeft nog taken of elementen op de kaart. Haal ze eerst uit het project.
project-error-name-taken = Een ander project van de gemeente heeft al deze naam
project-error-description = De beschrijving is te lang (hoogstens 10.000 tekens)

# Documents on tasks
task-documents = Documenten
task-no-documents = Nog geen document.
task-document-add-label = Een document toevoegen
task-document-add-hint = Plan, vergunning, offerte… Aanvaarde formaten: { $types }. Hoogstens 10 MB, 20 documenten per taak. Alleen de mensen van de gemeente zien ze.
task-document-add = Het document toevoegen
task-document-error-size = Het document is te groot: hoogstens { $mb } MB
task-document-error-none = Kies een document om toe te voegen
task-document-error-count = Een taak bewaart hoogstens 20 documenten
task-document-error-type = Dit bestand is geen aanvaard document. Aanvaarde formaten: { $types }
size-kb = { $n } kB
size-mb = { $n } MB
dashboard-chart-categories = Grafiek: open meldingen per categorie en leeftijd
dashboard-chart-services = Grafiek: open meldingen per dienst
dashboard-chart-note = Dezelfde cijfers als in de tabel hierboven.
dashboard-chart-on-time = Op tijd
tasks-view-carte = Op de kaart
tasks-map-placed = Taken op hun plaats
tasks-map-at = Op:
tasks-map-none = Geen van deze taken is aan een element op de kaart gekoppeld.
tasks-map-unplaced = Taken zonder plaats
tasks-map-label = Kaart van de taken, op de plaats van hun element
tasks-map-note = Elk punt is een taak, op de plaats van het element waaraan ze gekoppeld is. De lijst geeft dezelfde taken.
notices-lang = Taal van uw e-mails
task-worker-note = De werkleider beslist over het team, de persoon, de datum en de prioriteit. U geeft aan hoe het werk vordert: de stand, de stappen, de bestede tijd, foto's en documenten.
task-error-planner-only = Alleen wie plant kan de titel, het team, de persoon, de datum of de prioriteit van een taak wijzigen
journal-more = De { $count } recentste wijzigingen worden getoond; het CSV-bestand bevat ze allemaal.
template-error-name = Geef het sjabloon een naam (hoogstens 200 tekens)
template-error-name-taken = Een ander sjabloon van de gemeente heeft al deze naam
template-error-lead = De termijn is een aantal werkdagen, van 0 tot 60
template-error-recurrence = Kies een herhaling uit de lijst
template-error-steps = Hoogstens 50 stappen, van hoogstens 200 tekens elk
template-error-title-field = Geef de taak een titel (hoogstens 200 tekens)
template-delete = Het sjabloon „{ $name }” verwijderen
templates-history = Geschiedenis van de sjablonen
task-document-remove = „{ $name }” verwijderen
tasks-move-label = Stand van de taak „{ $task }”
tasks-move = Wijzigen
task-photo-remove = Foto { $n } verwijderen
journal-by-token = Toegangssleutel „{ $name }”
journal-by-cli = Opdrachtregel van de server
journal-by-balise = balise (automatische taak)
journal-by-admin-token = Beheersleutel van de server
template-change = „{ $name }” wijzigen
template-change-title = Het sjabloon „{ $name }” wijzigen
template-change-intro = Taken die al met dit sjabloon gemaakt zijn, blijven zoals ze zijn. Een nieuwe herhaling begint vanaf vandaag.
template-history = Geschiedenis van het sjabloon
template-back = Terug naar de taken
