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
follow-by-email-done = Genoteerd. U krijgt bij elke stap een bericht.
mail-follow-subject = U volgt melding { $reference }
mail-follow-text = Goedendag,

    U volgt melding { $reference }. We schrijven u bij elke stap.

    Volg ze hier: { $link }
