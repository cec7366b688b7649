# balise — Texte der Oberfläche auf Deutsch. Dieselben Schlüssel wie die französische Quelle.

## Website
site-tagline = Baustellen und Veranstaltungen in Ihrer Gemeinde
skip-to-content = Zum Inhalt springen
nav-label = Hauptmenü
nav-home = Startseite
nav-map = Karte der Baustellen
nav-report = Ein Problem melden
nav-follow = Eine Meldung verfolgen
lang-switch-label = Sprache
commune-of = Gemeinde { $name }
back-home = Zurück zur Startseite
footer-help = Brauchen Sie Hilfe?
footer-help-page = Hilfe und Kontakt
footer-privacy = Datenschutz
footer-accessibility = Barrierefreiheit
footer-api = Offene Daten
footer-licence = balise ist freie Software unter der Lizenz EUPL-1.2. Gemeindegrenzen: Statbel.
contact-phone = Telefon:
contact-email = E-Mail:

## Fehler
error-title-prefix = Fehler:{ " " }
error-summary-title = Es gibt ein Problem
error-prefix = Fehler:
not-found-title = Seite nicht gefunden
not-found-text = Diese Seite gibt es nicht oder nicht mehr. Prüfen Sie die Adresse.

## Startseite
home-title = Was in Ihrer Gemeinde passiert
home-lead = Baustellen, Umleitungen, Parkverbote, Veranstaltungen: sehen Sie, wo und wann. Melden Sie ein Problem auf der Straße.
home-action-map = Baustellen und Veranstaltungen ansehen
home-action-map-text = In einer Liste und auf einer Karte, Tag für Tag.
home-action-report = Ein Problem melden
home-action-report-text = Ein Loch in der Straße, eine defekte Lampe, Abfall: sagen Sie es der Gemeinde.
home-action-permit = Eine Genehmigung beantragen
home-action-permit-text = Für eine Veranstaltung, einen Container, ein Gerüst oder einen Umzug.
home-action-follow = Eine Meldung verfolgen
home-action-follow-text = Mit dem erhaltenen Aktenzeichen, zum Beispiel SOI-2026-00042.
home-towns = Die Gemeinden
home-town-link = Was in { $commune } passiert

## Informationsseiten
help-title = Hilfe und Kontakt
help-p1 = Haben Sie eine Frage? Sprechen Sie lieber mit jemandem? Rufen Sie den Bauhof Ihrer Gemeinde an oder schreiben Sie ihm.
help-h-map = Baustellen ansehen
help-p-map = Die Seite „Karte der Baustellen“ zeigt eine Liste. Wählen Sie einen Tag oder einen Zeitraum. Sie können eine Straße suchen.
help-h-report = Ein Problem melden
help-p-report = Beantworten Sie eine Frage pro Seite. Sie erhalten ein Aktenzeichen. Bewahren Sie es auf, um Ihre Meldung zu verfolgen.
help-h-counter = Ohne Computer
help-p-counter = Sie können ein Problem auch telefonisch oder am Schalter der Gemeindeverwaltung melden. Ein Mitarbeiter füllt das Formular mit Ihnen aus.
privacy-title = Datenschutz
privacy-p1 = Ihre Gemeinde verwendet Ihre Daten, um Ihre Meldungen zu bearbeiten. Sie hält sich an die Datenschutz-Grundverordnung (DSGVO).
privacy-h-what = Was wir speichern
privacy-p-what = Den Ort, die Kategorie, Ihre Beschreibung und Ihre Fotos. Ihre E-Mail oder Telefonnummer nur, wenn Sie sie angeben.
privacy-h-public = Was öffentlich ist
privacy-p-public = Auf der Karte sieht man nur die Kategorie, den Stand und das Datum. Nie Ihren Namen, Ihre E-Mail oder Telefonnummer.
privacy-h-photos = Fotos
privacy-p-photos = Wir entfernen alle versteckten Angaben aus den Fotos, auch die GPS-Position. Ein Foto wird erst öffentlich, wenn ein Mitarbeiter es annimmt.
privacy-h-keep = Wie lange
privacy-p-keep = Ihre Kontaktdaten werden einige Zeit nach Abschluss des Problems gelöscht (ein Jahr, wenn die Gemeinde nichts anderes festlegt).
privacy-h-rights = Ihre Rechte
privacy-p-rights = Sie können Ihre Daten einsehen, berichtigen oder löschen lassen. Schreiben Sie Ihrer Gemeinde. Sie können sich auch bei der Datenschutzbehörde beschweren.
a11y-title = Barrierefreiheit
a11y-p1 = Die Gemeinden wollen, dass diese Website für alle leicht zu benutzen ist. Sie folgt dem wallonischen Dekret vom 2. Mai 2019 und der Norm EN 301 549.
a11y-h-status = Stand der Vereinbarkeit
a11y-p-status = Diese Website zielt auf Stufe AA der WCAG 2.2. Jede Seite wird automatisch geprüft. Alles funktioniert ohne JavaScript.
a11y-h-limits = Bekannte Grenzen
a11y-p-limits = Die Karte ist eine Ergänzung: Die Liste daneben zeigt dieselben Angaben. Ältere Fotos haben nicht immer eine Beschreibung.
a11y-h-contact = Kommen Sie nicht weiter?
a11y-p-contact = Sagen Sie es uns per Telefon oder E-Mail bei Ihrer Gemeinde. Wir antworten und geben Ihnen die Angaben auf anderem Weg.
a11y-h-appeal = Beschwerde
a11y-p-appeal = Sind Sie mit unserer Antwort nicht zufrieden, können Sie sich an den gemeinsamen Ombudsmann der Wallonie und der Föderation Wallonie-Brüssel wenden.
permits-title = Eine Genehmigung beantragen
permits-p1 = Bald können Sie hier eine Genehmigung für eine Veranstaltung oder für die Nutzung der Straße beantragen (Container, Gerüst, Umzug).
permits-p2 = Bis dahin wenden Sie sich an Ihre Gemeinde:
api-title = Offene Daten
api-p1 = Alle öffentlichen Daten der Karte sind offen. Programme können sie hier lesen:
api-features = Baustellen, Umleitungen, Veranstaltungen und Meldungen, als GeoJSON
api-communes = die Gemeinden
api-tiles = die Vektorkacheln der Karte
api-style = der Kartenstil für MapLibre
api-ops = der Zustand des Dienstes
api-licence = Gemeindegrenzen: Statbel (Open-Data-Lizenz von Statistics Belgium).

## Arten
kind-works = Baustellen
kind-diversion = Umleitungen
kind-parking_ban = Parkverbote
kind-event = Veranstaltungen
kind-occupation = Nutzung der Straße
kind-report = Meldungen
kind-one-works = Baustelle
kind-one-diversion = Umleitung
kind-one-parking_ban = Parkverbot
kind-one-event = Veranstaltung
kind-one-occupation = Nutzung der Straße
kind-one-report = Meldung

## Stand
status-planned = Geplant
status-in_progress = Im Gange
status-suspended = Unterbrochen
status-completed = Beendet
status-cancelled = Abgesagt
status-new = Neu
status-acknowledged = In Bearbeitung genommen
status-resolved = Repariert
status-not_competent = An eine andere Stelle weitergeleitet
status-duplicate = Bereits gemeldet
status-not_reproducible = Problem nicht festgestellt
status-closed = Ohne Reparatur abgeschlossen

## Karte und Liste
carte-title = Baustellen und Veranstaltungen
carte-lead = Wählen Sie was und wann. Die Liste zeigt alles. Die Karte zeigt dieselben Einträge.
filter-what = Was?
filter-when = Wann?
when-opt-aujourdhui = Heute
when-opt-semaine = Diese Woche
when-opt-semaine-prochaine = Nächste Woche
when-opt-jour = Ein bestimmter Tag
when-opt-periode = Ein Zeitraum
when-day-legend = Der gewählte Tag
when-from-legend = Beginn des Zeitraums
when-to-legend = Ende des Zeitraums
date-day = Tag
date-month = Monat
date-year = Jahr
date-hint = Zum Beispiel: 17 12 2026
filter-commune = Gemeinde
filter-all-communes = Alle Gemeinden
filter-search = Straße oder Ort (freiwillig)
filter-search-hint = Zum Beispiel: rue de la Station, Casteau, Markt
filter-apply = Anzeigen
results-count = { $count ->
    [0] Keine Ergebnisse
    [one] 1 Ergebnis
   *[other] { $count } Ergebnisse
}
results-on = Am { $date }.
results-between = Vom { $from } bis { $to }.
results-none-help = Nichts gefunden. Versuchen Sie ein anderes Datum oder ein anderes Wort.
col-what = Was
col-where = Wo
col-when = Wann
col-status = Stand
show-on-map = Auf der Karte zeigen
pagination-label = Ergebnisseiten
page-prev = Vorige Seite
page-next = Nächste Seite
page-of = Seite { $page } von { $pages }
map-heading = Karte
map-label = Karte der Baustellen und Veranstaltungen
map-nojs = Die Karte braucht JavaScript und WebGL. Die Liste zeigt dieselben Angaben.
map-broader = Ihre Suche findet mehr als { $max } Einträge: Die Karte zeigt alles, was zu den gewählten Daten und Arten passt.
skip-map = Karte überspringen
legend-heading = Legende
legend-active = Im Gange: durchgezogene Linie
legend-planned = Geplant: Striche
legend-suspended = Unterbrochen: Punkte
legend-done = Beendet: dünne Linie mit großen Lücken
maplibre-locale = de
error-day = Geben Sie ein gültiges Datum ein, zum Beispiel 17 12 2026
error-range-from = Geben Sie ein gültiges Anfangsdatum ein, zum Beispiel 17 12 2026
error-range-to = Geben Sie ein gültiges Enddatum ein, zum Beispiel 24 12 2026
error-range-order = Das Enddatum muss nach dem Anfangsdatum liegen
error-range-long = Der Zeitraum darf höchstens { $days } Tage dauern
error-search-long = Die Suche darf höchstens { $max } Zeichen enthalten

## Detailseite
back-to-map = Zurück zur Liste
feature-what = Was
feature-category = Kategorie:
feature-where = Wo
feature-coordinates = Koordinaten: { $lat }, { $lon }
feature-osm = auf OpenStreetMap ansehen
feature-when = Wann
feature-diversions = Umleitungen
feature-serves = Für die Baustelle
feature-history = Verlauf
feature-contact = Kontakt
fact-owner = Bauherr
fact-contractor = Firma
fact-applicant = Antragsteller

## Daten in Worten
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
date-full = { $weekday }, { $day }. { $month }
date-short = { $weekday }, { $day }.
date-with-year = { $date } { $year }
date-at = { $date } um { $time }
time = { $h }.{ $mm } Uhr
and = und
when-on = am { $date }
when-range = vom { $from } bis { $to }
when-on-hours = am { $date }, von { $start } bis { $end }
when-range-hours = vom { $from } um { $start } bis { $to } um { $end }
when-from = ab { $from }, bis auf Weiteres
when-hours = von { $start } bis { $end }
when-except = außer am { $dates }
days-every = jeden Tag
days-span = { $first } bis { $last }
days-each = jeden { $days }

## Ein Problem melden
back = Zurück
continue = Weiter
change = Ändern
report-start-title = Ein Problem melden
report-start-lead = Ein Loch in der Straße, eine defekte Lampe, Abfall? Sagen Sie es Ihrer Gemeinde.
report-start-steps = Wir fragen Sie:
report-start-where = wo das Problem ist;
report-start-what = um welches Problem es geht;
report-start-photos = nach Fotos, wenn Sie möchten;
report-start-contact = wie wir Sie informieren, wenn Sie möchten.
report-start-urgent = Akute Gefahr? Rufen Sie die Polizei unter 101 oder den Notruf unter 112.
report-start-button = Jetzt beginnen
report-lieu-title = Wo ist das Problem?
lieu-intro = Suchen Sie eine Straße oder einen Ort, oder beschreiben Sie die Stelle mit Ihren Worten.
lieu-search-label = Straße oder Ort
lieu-search-hint = Zum Beispiel: rue Neuve, Grand-Place, Casteau
lieu-search-button = Suchen
lieu-found-legend = Wählen Sie den Ort
lieu-words-label = Beschreiben Sie die Stelle (freiwillig, wenn Sie einen Ort gewählt haben)
lieu-words-hint = Zum Beispiel: vor Nummer 12, bei der Bushaltestelle
lieu-commune-label = Gemeinde
lieu-commune-choose = Wählen Sie die Gemeinde
lieu-error-none-found = Kein Ort gefunden. Beschreiben Sie die Stelle und wählen Sie die Gemeinde.
lieu-error-commune = Wählen Sie die Gemeinde, in der das Problem ist
lieu-error-none = Geben Sie an, wo das Problem ist
lieu-error-neighbour = Diese Stelle liegt in { $commune }. Wenden Sie sich direkt an diese Gemeinde.
lieu-error-outside = Diese Stelle liegt in keiner Gemeinde, die wir kennen.
report-categorie-title = Was ist das Problem?
categorie-error = Wählen Sie die Art des Problems
report-doublons-title = Schon gemeldet?
doublons-intro = Diese Probleme wurden ganz in der Nähe schon gemeldet:
doublons-distance = { $metres } m entfernt
doublons-follow = Ist es dasselbe Problem, verfolgen Sie es: zweimal melden ist nicht nötig.
doublons-continue = Es ist ein anderes Problem, weiter
report-description-title = Beschreiben Sie das Problem
description-hint = Sagen Sie, was Sie sehen. Zum Beispiel: ein tiefes Loch in der Fahrbahn, rechts.
description-error-empty = Beschreiben Sie das Problem
error-too-long = Schreiben Sie höchstens { $max } Zeichen
report-photos-title = Fotos hinzufügen (freiwillig)
photos-label = Fotos
photos-hint = Bis zu 3 Fotos, als JPEG, PNG oder WebP, jeweils höchstens 10 MB.
photos-thumb-alt = Ihr Foto { $n }
photos-remove = Foto entfernen
photos-error-size = Ein Foto ist größer als 10 MB. Wählen Sie ein kleineres Foto.
photos-error-count = Sie können höchstens { $max } Fotos hinzufügen
photos-error-format = Die Datei { $file } ist kein JPEG-, PNG- oder WebP-Foto
photos-error-pixels = Das Foto { $file } ist zu groß ({ $mp } Megapixel): höchstens { $max } Megapixel. Senden Sie ein kleineres Foto, zum Beispiel mit Ihrem Telefon aufgenommen.
photos-error-unwritable = Das Foto konnte nicht gespeichert werden. Versuchen Sie es in einigen Minuten erneut.
report-contact-title = Möchten Sie informiert werden?
contact-hint = Wir schreiben Ihnen, wenn es weitergeht. Wir veröffentlichen Ihre Kontaktdaten nie.
contact-by-email = Ja, per E-Mail
contact-email-label = E-Mail-Adresse
contact-by-phone = Ja, per Telefon
contact-phone-label = Telefonnummer
contact-anonymous = Nein, anonym bleiben
contact-error-email = Geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.be
contact-error-phone = Geben Sie eine Telefonnummer ein, zum Beispiel 067 12 34 56
contact-error-choice = Wählen Sie, ob Sie informiert werden möchten
report-verifier-title = Prüfen Sie Ihre Meldung
check-where = Wo
check-what = Problem
check-description = Beschreibung
check-photos = Fotos
check-photo-count = { $count ->
    [0] Kein Foto
    [one] 1 Foto
   *[other] { $count } Fotos
}
check-contact = Sie informieren
honeypot-label = Füllen Sie dieses Feld nicht aus
check-send-text = Mit dem Senden geben Sie diese Meldung an Ihre Gemeinde weiter.
send-button = Meldung senden
sent-title = Meldung gesendet
sent-reference = Ihr Aktenzeichen:
sent-keep = Notieren Sie dieses Aktenzeichen. Damit verfolgen Sie Ihre Meldung, auch am Telefon.
sent-next-title = Wie geht es weiter?
sent-next-text = Der Bauhof Ihrer Gemeinde prüft Ihre Meldung. Sie erscheint auf der Karte. Haben Sie Ihre E-Mail angegeben, erhalten Sie bei jedem Schritt eine Nachricht.
sent-follow-link = Diese Meldung verfolgen
sent-print = Um eine Kopie zu behalten, drucken Sie diese Seite oder speichern Sie sie als PDF.
sent-another = Ein weiteres Problem melden
follow-title = Eine Meldung verfolgen
follow-report-title = Meldung { $reference }
follow-hint = Es steht in Ihrer Bestätigung. Zum Beispiel: SOI-2026-00042.
follow-button = Verlauf ansehen
follow-error-empty = Geben Sie das Aktenzeichen der Meldung ein
follow-error-format = Geben Sie das Aktenzeichen wie in Ihrer Bestätigung ein, zum Beispiel SOI-2026-00042
follow-error-unknown = Keine Meldung hat das Aktenzeichen { $reference }
explain-new = Ihre Meldung ist angekommen. Der Dienst wird sie prüfen.
explain-acknowledged = Der Dienst hat das Problem gesehen und kümmert sich darum.
explain-planned = Ein Einsatz ist geplant.
explain-in_progress = Die Gemeindearbeiter kümmern sich darum.
explain-resolved = Das Problem ist behoben.
explain-not_competent = Dieses Problem gehört zu einer anderen Stelle. Wir haben es weitergeleitet.
explain-duplicate = Dieses Problem wurde bereits gemeldet. Verfolgen Sie die erste Meldung.
explain-not_reproducible = Der Dienst hat das Problem vor Ort nicht gefunden.
explain-closed = Die Meldung ist ohne Reparatur abgeschlossen.
unsubscribe-title = Keine Nachrichten mehr erhalten
unsubscribe-text = Sie erhalten keine Nachrichten mehr zu dieser Meldung.
unsubscribe-button = Bestätigen
unsubscribe-done = Erledigt. Sie erhalten keine Nachrichten mehr zu dieser Meldung.
csrf-title = Das Formular ist abgelaufen
csrf-text = Beginnen Sie zu Ihrer Sicherheit auf der vorigen Seite neu. Ihre Antworten bleiben erhalten.
spam-title = Senden abgelehnt
spam-text = Ihre Sendung konnte nicht angenommen werden. Sind Sie ein Mensch, rufen Sie Ihre Gemeinde an.
send-error-title = Die Meldung konnte nicht gesendet werden
send-error-text = Versuchen Sie es in einigen Minuten erneut, oder rufen Sie Ihre Gemeinde an.
too-many-title = Zu viele Sendungen
too-many-text = Sie haben in kurzer Zeit viele Formulare gesendet. Warten Sie eine Minute und versuchen Sie es erneut.
mail-confirm-subject = Ihre Meldung { $reference } ist angekommen
mail-confirm-text = Guten Tag,

    Ihre Gemeinde hat Ihre Meldung erhalten. Das Aktenzeichen ist { $reference }.

    Verfolgen Sie sie hier: { $link }

    Wir schreiben Ihnen bei jedem Schritt.
mail-status-subject = Ihre Meldung { $reference }: { $status }
mail-status-text = Guten Tag,

    Ihre Meldung { $reference } hat sich geändert: { $status }.
    { $explain }

    Verfolgen Sie sie hier: { $link }
lieu-map-hint = Oder tippen Sie auf der Karte auf die Stelle des Problems.
lieu-map-label = Karte, um die Stelle des Problems anzugeben
lieu-map-chosen = Gewählte Stelle: { "{" }lat{ "}" }, { "{" }lon{ "}" }
lieu-locating = Ihr Standort wird gesucht …
lieu-no-position = Ihr Standort ist nicht verfügbar. Suchen Sie eine Straße oder beschreiben Sie die Stelle.
lieu-show-map = Die Karte zeigen
lieu-my-position = Meinen Standort verwenden
feature-photo-alt = Foto { $n } des Problems
follow-by-email-title = Neuigkeiten per E-Mail erhalten
follow-by-email-hint = Haben Sie dasselbe Problem gesehen? Melden Sie es nicht noch einmal: Erhalten Sie bei jedem Schritt eine Nachricht.
follow-by-email-button = Diese Meldung verfolgen
follow-by-email-done = Wir haben Ihnen eine E-Mail geschickt. Klicken Sie auf den Link darin, um zu bestätigen: Danach erhalten Sie bei jedem Schritt eine Nachricht.
mail-follow-subject = Bestätigen Sie, dass Sie die Meldung { $reference } verfolgen möchten
mail-follow-text = Guten Tag,

    Um bei jedem Schritt der Meldung { $reference } eine Nachricht zu erhalten, bestätigen Sie hier: { $link }

    Wenn Sie nichts angefragt haben, tun Sie nichts: Sie erhalten nichts mehr.
## Agents: signing in, accounts
footer-agents = Bereich für Mitarbeitende
optional = (freiwillig)
filter-button = Anzeigen
date-time = Uhrzeit
signin-title = Anmelden im Bereich für Mitarbeitende
signin-intro = Dieser Bereich ist für die Mitarbeitenden der Gemeinden. Bürgerinnen und Bürger brauchen kein Konto.
signin-email = E-Mail-Adresse
signin-password = Passwort
signin-button = Anmelden
signin-forgot = Passwort vergessen oder erster Besuch
signin-error-email = Geben Sie Ihre E-Mail-Adresse ein
signin-error-password = Geben Sie Ihr Passwort ein
signin-error-wrong = E-Mail-Adresse oder Passwort stimmen nicht
signin-error-wait = Zu viele erfolglose Versuche für diese Adresse. Versuchen Sie es ab { $time } erneut, oder wählen Sie ein neues Passwort.
signin-done-password = Ihr Passwort ist gespeichert. Melden Sie sich damit an.
signin-done-signed-out = Sie sind abgemeldet.
signin-done-everywhere = Sie sind auf allen Geräten abgemeldet.
forgot-title = Ein neues Passwort wählen
forgot-hint = Wir senden Ihnen einen Link, der 1 Stunde gültig ist.
forgot-button = Link senden
forgot-error-email = Geben Sie eine E-Mail-Adresse ein, zum Beispiel name@gemeinde.be
forgot-sent = Wenn es ein Konto für { $email } gibt, wurde gerade ein Link dorthin gesendet. Er ist 1 Stunde gültig.
forgot-back = Zurück zur Anmeldung
reset-title = Ihr neues Passwort
reset-password = Neues Passwort
reset-hint = Mindestens 12 Zeichen. Ein Satz, den Sie sich leicht merken, eignet sich gut.
reset-confirmation = Dasselbe Passwort noch einmal
reset-button = Passwort speichern
reset-error-short = Das Passwort braucht mindestens { $count } Zeichen
reset-error-long = Das Passwort ist zu lang
reset-error-confirmation = Die beiden Passwörter sind nicht gleich
reset-expired = Dieser Link gilt nicht mehr: Er wurde schon benutzt oder ist älter als 1 Stunde.
reset-ask-again = Einen neuen Link anfordern
mail-reset-subject = Ihr Passwort für balise
mail-reset-text = Guten Tag,

    Öffnen Sie diesen Link innerhalb einer Stunde, um Ihr Passwort zu wählen:
    { $link }

    Wenn Sie nichts angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort ändert sich nicht.
account-title = Mein Konto
account-signed-in-as = Sie sind als { $email } angemeldet.
account-roles = Ihre Rollen
account-everywhere-title = Gerät verloren?
account-everywhere-text = Sie können alle Ihre Sitzungen beenden, auf allen Geräten, auch auf diesem.
account-everywhere-button = Überall abmelden
role-agent = Mitarbeiter
role-coordinator = Koordinator
role-worker = Gemeindearbeiter
role-admin = Verwalter
tokens-title = API-Schlüssel
tokens-intro = Mit einem Schlüssel nutzt ein anderes Programm der Gemeinde die API mit einer Rolle. Er wird nur einmal gezeigt.
tokens-created = Hier ist der neue Schlüssel. Kopieren Sie ihn jetzt: Er wird nie wieder gezeigt.
tokens-name = Name
tokens-name-hint = Das Programm, das ihn nutzt, zum Beispiel „GIS des Bauamts"
tokens-commune = Gemeinde
tokens-role = Rolle
tokens-created-at = Erstellt am
tokens-action = Aktion
tokens-revoke = Den Schlüssel { $name } zurückziehen
tokens-revoked = Zurückgezogen
tokens-new = Neuer Schlüssel
tokens-create = Schlüssel erstellen
tokens-error-name = Geben Sie dem Schlüssel einen Namen
tokens-error-role = Wählen Sie eine Rolle
tokens-error-commune = Sie sind nicht Verwalter dieser Gemeinde
tokens-error-revoke = Diesen Schlüssel gibt es nicht oder er gehört nicht Ihrer Gemeinde
unavailable-title = Dienst kurz nicht verfügbar
unavailable-text = Versuchen Sie es in einigen Minuten erneut. Wenn das Problem bleibt, melden Sie es dem IT-Dienst.
draft-unsaved-text = Ihre Antwort konnte nicht gespeichert werden. Gehen Sie zur vorigen Seite zurück und senden Sie sie in einigen Minuten erneut.
forbidden-title = Nicht erlaubt
forbidden-text = Ihre Rolle erlaubt das für diese Gemeinde nicht.
stale-title = Jemand hat dieses Element inzwischen geändert
stale-text = Laden Sie die Seite neu, um die letzte Fassung zu sehen, und versuchen Sie es erneut.

## Agents: workspace
agent-nav-label = Bereich für Mitarbeitende
agent-nav-list = Nutzung des öffentlichen Raums
agent-nav-conflicts = Konflikte
agent-nav-account = Mein Konto
agent-sign-out = Abmelden
agent-title = Nutzung des öffentlichen Raums
agent-new = Erstellen
agent-new-kind = Neu: { $kind }
agent-filters = Liste filtern
agent-filter-kind = Art
agent-filter-status = Stand
agent-filter-all = Alle
agent-filter-my-communes = Alle meine Gemeinden
agent-filter-from = Aktiv ab
agent-filter-to = Aktiv bis
agent-filter-text = Wörter aus Titel oder Beschreibung
agent-count = { $count ->
    [0] Kein Element
    [one] 1 Element
   *[other] { $count } Elemente
}
agent-none = Kein Element passt zu diesen Filtern.
agent-internal = Intern
agent-row-conflicts = { $count ->
    [one] 1 Konflikt
   *[other] { $count } Konflikte
}
agent-map-label = Karte der Nutzung des öffentlichen Raums, mit internen Elementen
agent-map-note = Gestrichelte Linien sind interne, nicht veröffentlichte Elemente.
element-new-title = Neu: { $kind }
element-kind = Art
element-title = Titel
element-title-hint = Was die Bürger sehen, zum Beispiel „Erneuerung der Rue de Mons"
element-description = Beschreibung
element-status = Stand
element-public = Auf der öffentlichen Karte veröffentlichen
element-where = Wo?
element-shape = Form
element-coordinates = Koordinaten
element-coordinates-hint = Eine Zeile pro Punkt: Breite, Länge (zum Beispiel 50.5794, 4.0712). Für eine Fläche die Ecken der Reihe nach. Die Karte füllt das Feld, wenn Sie zeichnen.
element-when = Wann?
element-when-hint = Geben Sie mindestens einen Zeitraum oder Wochenzeiten an. Ohne Uhrzeit zählt der ganze Tag.
element-save = Speichern
element-check = Konflikte prüfen
element-conflicts = { $count ->
    [0] Konflikte
    [one] 1 Konflikt
   *[other] { $count } Konflikte
}
element-no-conflicts = Kein Konflikt mit anderen Nutzungen.
element-history = Verlauf
element-is-public = Auf der öffentlichen Karte veröffentlicht.
element-is-internal = Intern: Nur die Mitarbeitenden der Gemeinde sehen es.
element-see-public = Öffentliche Seite ansehen
element-publish = Veröffentlichen
element-unpublish = Von der öffentlichen Karte nehmen
element-done-created = Das Element ist erstellt.
element-done-saved = Die Änderungen sind gespeichert.
element-done-published = Das Element ist auf der öffentlichen Karte.
element-done-unpublished = Das Element ist nicht mehr auf der öffentlichen Karte.
element-done-assessed = Die Bewertung ist gespeichert.
history-create = Erstellt
history-update = Geändert
history-delete = Gelöscht
shape-point = Ein Punkt
shape-ligne = Eine Linie (entlang der Straßen)
shape-zone = Eine Fläche
shape-geojson = Komplexe Form (GeoJSON)
draw-heading = Auf der Karte zeichnen
draw-skip = Karte überspringen und Koordinaten eingeben
draw-nojs = Ohne JavaScript geben Sie die Koordinaten unten ein.
draw-hint = Wählen Sie eine Form und tippen Sie dann bei jedem Punkt auf die Karte. Um eine Linie oder Fläche abzuschließen, tippen Sie noch einmal auf den letzten oder ersten Punkt.
draw-tools = Zeichenwerkzeuge
draw-point = Punkt
draw-line = Linie
draw-zone = Fläche
draw-clear = Löschen
draw-label = Karte zum Zeichnen des Ortes
draw-done = Form gezeichnet. Die Koordinaten sind eingetragen.
period-n = Zeitraum { $n }
period-start = Beginn
period-start-hint = Zum Beispiel 17 12 2026, Uhrzeit 7:30
period-end = Ende
period-end-hint = Leer lassen, wenn das Ende nicht bekannt ist.
weekly-title = Wochenzeiten (freiwillig)
weekly-hint = Zum Beispiel Montag bis Freitag, 7:00 bis 16:00, während 3 Wochen.
weekly-n = Zeiten { $n }
weekly-from = Erster Tag
weekly-to = Letzter Tag
weekly-days = Tage
weekly-from-time = Von (Uhrzeit)
weekly-to-time = Bis (Uhrzeit)
exceptions-label = Tage ohne Nutzung
exceptions-hint = Zum Beispiel 25/12/2026, 01/01/2027
serves-legend = Baustellen, die diese Umleitung umgeht
serves-none = Keine laufenden oder kommenden Baustellen.
signage-legend = Aufstellen der Schilder
signage-hint = Die Schilder müssen mindestens 48 Stunden vor Beginn stehen.
signage-warning = Achtung: Die Schilder stehen { $hours } Stunden vor Beginn. Es braucht mindestens 48.
preview-title = Konflikte mit anderen Nutzungen
preview-hint = Konflikte erscheinen hier, wenn Sie zeichnen oder auf „Konflikte prüfen" klicken.
preview-none = Kein Konflikt gefunden.
preview-found = { $count ->
    [one] 1 Konflikt gefunden. Sie können trotzdem speichern und ihn dann bewerten.
   *[other] { $count } Konflikte gefunden. Sie können trotzdem speichern und sie dann bewerten.
}
preview-incomplete = Ergänzen Sie Ort und Daten, um Konflikte zu sehen.
form-error-kind = Wählen Sie eine Art
form-error-title = Geben Sie einen Titel ein
form-error-title-long = Der Titel darf höchstens 200 Zeichen haben
form-error-description-long = Die Beschreibung ist zu lang
form-error-status = Wählen Sie einen Stand aus der Liste
form-error-coordinates-line = Zeile { $line } der Koordinaten ist nicht „Breite, Länge"
form-error-coordinates-none = Zeichnen Sie den Ort auf der Karte oder geben Sie seine Koordinaten ein
form-error-coordinates-count = Ein Punkt hat 1 Zeile, eine Linie mindestens 2, eine Fläche mindestens 3
form-error-geojson = Die GeoJSON-Form ist nicht gültig
form-error-geometry = Die Form ist nicht gültig: Sie kreuzt sich selbst oder Punkte fallen zusammen
form-error-outside = Der Ort liegt außerhalb Ihrer Gemeinde
form-error-forbidden = Ihre Rolle erlaubt nicht, in dieser Gemeinde ein Element zu erstellen oder zu ändern
form-error-stale = Jemand hat dieses Element inzwischen geändert. Laden Sie die Seite neu und versuchen Sie es erneut.
form-error-unavailable = Das Speichern ist fehlgeschlagen. Versuchen Sie es in einigen Minuten erneut.
form-error-date = Geben Sie ein echtes Datum ein, zum Beispiel 17 12 2026
form-error-time = Geben Sie eine Uhrzeit ein, zum Beispiel 7:30
form-error-end-before-start = Das Ende muss nach dem Beginn liegen
form-error-days = Kreuzen Sie mindestens einen Tag an
form-error-exceptions = Schreiben Sie die Tage wie 25/12/2026, durch Kommas getrennt
form-error-schedule-empty = Geben Sie mindestens einen Zeitraum oder Wochenzeiten an
form-error-recurrence-long = Wochenzeiten dürfen höchstens 3 Jahre dauern
form-error-schedule-large = Diese Zeiten ergeben zu viele Zeiträume; teilen Sie sie auf

## Agents: conflicts
conflicts-title = Konflikte – { $commune }
conflicts-intro = Zwei Nutzungen stehen in Konflikt, wenn sie zur selben Zeit weniger als 20 Meter voneinander entfernt sind. Jede betroffene Gemeinde gibt ihre Bewertung ab. Eine Bewertung muss erneut geprüft werden, wenn sich eines der beiden Elemente ändert.
conflicts-open = { $count ->
    [0] Zu bewerten
   *[other] Zu bewerten ({ $count })
}
conflicts-settled = { $count ->
    [0] Bewertet
   *[other] Bewertet ({ $count })
}
conflicts-none-open = Nichts zu bewerten.
conflicts-none-settled = Kein bewerteter Konflikt.
conflict-when = Gleichzeitig vom { $start } bis { $end }
conflict-open-end = Ende nicht bekannt
conflict-distance = { $metres } m entfernt
assessment-to_assess = Zu bewerten
assessment-accepted = Angenommen
assessment-refused = Abgelehnt
assessment-to_reassess = Neu zu bewerten
assess-legend = Bewertung von { $commune }
assess-accepted = Angenommen: beide können stattfinden
assess-refused = Abgelehnt: eines der beiden muss sich ändern
assess-note = Bemerkung
assess-button = Bewertung speichern
assess-error-title = Die Bewertung ist nicht gespeichert
assess-error-verdict = Wählen Sie „Angenommen" oder „Abgelehnt".
assess-error-note = Die Bemerkung ist zu lang (höchstens 2000 Zeichen).

## Agents: accounts of the commune
people-title = Konten der Gemeinde
people-name = Name
people-invited = Einladung gesendet, noch kein Passwort gewählt
people-remove = Die Rolle { $role } von { $email } entfernen
people-new = Eine Person hinzufügen
people-email-hint = Hat die Person noch kein Konto, erhält sie eine E-Mail, um ihr Passwort zu wählen.
people-add = Diese Rolle geben
people-added = { $email } hat jetzt diese Rolle.
people-error-add = Dieses Konto konnte nicht erstellt werden. Prüfen Sie die Adresse.
people-error-remove = Diese Rolle gibt es nicht oder sie gehört nicht Ihrer Gemeinde
mail-invite-subject = Ihr Konto für balise
mail-invite-text = Guten Tag,

    Für Sie wurde ein Konto im Bereich für Mitarbeitende von balise erstellt.
    Öffnen Sie diesen Link innerhalb einer Stunde, um Ihr Passwort zu wählen:
    { $link }

    Danach können Sie mit „Passwort vergessen" einen neuen Link anfordern.
conflicts-first = Die { $shown } nächsten, von { $count }.
assess-earlier = { $count ->
    [one] 1 frühere Bewertung
   *[other] { $count } frühere Bewertungen
}

## Agents: report triage and services
agent-nav-reports = Meldungen
agent-nav-services = Dienste
triage-title = Zu bearbeitende Meldungen – { $commune }
triage-service = Dienst
triage-no-service = Kein Dienst
triage-late-only = Nur verspätete
triage-late-count = { $count ->
    [one] 1 Meldung ist verspätet.
   *[other] { $count } Meldungen sind verspätet.
}
triage-received = Eingegangen am { $date }
triage-due = zu bearbeiten bis { $date }
triage-late-by = { $days ->
    [one] 1 Arbeitstag verspätet
   *[other] { $days } Arbeitstage verspätet
}
triage-precision = Angabe
triage-precision-hint = Nötig für: an eine andere Stelle weitergeleitet (an wen?), schon gemeldet (welche Referenz?), ohne Reparatur geschlossen (warum?), Wiedereröffnung (warum?). Wer gemeldet hat, erhält bei jeder Änderung eine E-Mail.
triage-save = Speichern für { $reference }
triage-details = Einzelheiten
triage-done = Gespeichert.
triage-error-reason = Geben Sie die Angabe ein, die dieser Stand verlangt.
triage-error-transition = Diese Änderung ist nicht möglich. Eine geschlossene Meldung kann nur zurück zu „Angenommen", mit dem Grund.
services-title = Dienste – { $commune }
services-list = Dienste der Gemeinde
services-none = Noch kein Dienst.
services-new = Neuer Dienst
services-name-hint = Zum Beispiel Straßen, Sauberkeit, Grünflächen
services-add = Dienst hinzufügen
services-members = Personen der Dienste
services-person = Person
services-put-in = In den Dienst aufnehmen
services-take-out = Aus dem Dienst nehmen
services-error-name = Geben Sie dem Dienst einen Namen
services-error-member = Wählen Sie eine Person und einen Dienst Ihrer Gemeinde
services-error-area = Die Fläche muss ein GeoJSON-Polygon sein
services-error-service = Wählen Sie einen Dienst Ihrer Gemeinde
services-error-rule = Diese Regel gibt es nicht oder sie gehört nicht Ihrer Gemeinde
rules-title = Regeln für das Weiterleiten von Meldungen
rules-intro = Eine neue Meldung geht an den Dienst der ersten passenden Regel, der Reihe nach.
rules-none = Keine Regel: Meldungen kommen ohne Dienst an.
rules-any-category = Jede Kategorie
rules-in-area = in einer Fläche
rules-delete = Regel { $n } löschen
rules-new = Neue Regel
rules-category = Kategorie
rules-area = Fläche
rules-area-hint = Ein GeoJSON-Polygon. Leer: die ganze Gemeinde.
rules-add = Regel hinzufügen

## Agents: tasks
agent-nav-tasks = Aufgaben
triage-make-task = Aus { $reference } eine Aufgabe machen
tasks-title = Aufgaben – { $commune }
tasks-mine = Nur meine Aufgaben
tasks-count = { $count ->
    [0] Keine Aufgabe
    [one] 1 Aufgabe
   *[other] { $count } Aufgaben
}
tasks-none = Keine Aufgabe passt.
tasks-due = bis { $date }
tasks-late = Verspätet
task-caption = Aufgabe
task-feature = Ansehen, worauf sich die Aufgabe bezieht
task-team = Team (Dienst)
task-assignee = Person
task-nobody = Niemand Bestimmtes
task-due = Zu erledigen bis
task-priority = Priorität
task-priority-1 = Dringend
task-priority-2 = Normal
task-priority-3 = Wenn möglich
task-version = Fassung { $n }
task-status-a_faire = Zu tun
task-status-en_cours = In Arbeit
task-status-bloquee = Blockiert
task-status-faite = Erledigt
task-error-title = Geben Sie einen Titel ein (höchstens 200 Zeichen)
task-error-status = Wählen Sie einen Stand aus der Liste
task-error-service = Wählen Sie einen Dienst der Gemeinde
task-error-assignee = Wählen Sie eine Person der Gemeinde
task-error-priority = Wählen Sie eine Priorität aus der Liste
task-error-description = Die Beschreibung ist zu lang

## Agents: dashboard
agent-nav-dashboard = Übersicht
dashboard-title = Übersicht – { $commune }
dashboard-late = Meldungen verspätet.
dashboard-see-late = Ansehen
dashboard-resolved-month = Meldungen diesen Monat repariert.
dashboard-median = Mittlere Bearbeitungszeit (Median): { $days } Tage (über { $count } in 12 Monaten geschlossene Meldungen).
dashboard-median-none = Keine Meldung in 12 Monaten geschlossen.
dashboard-open-caption = Offene Meldungen, nach Kategorie und Alter
dashboard-age-young = Weniger als eine Woche
dashboard-age-middle = 1 bis 4 Wochen
dashboard-age-old = Mehr als 4 Wochen
dashboard-total = Gesamt
dashboard-services-caption = Offene Meldungen, nach Dienst
dashboard-open = Offen
dashboard-late-col = Verspätet
task-repaired-title = Es ist repariert
task-repaired-photo = Foto der erledigten Arbeit
task-repaired-hint = JPEG, PNG oder WebP, höchstens 10 MB. Das Foto ist öffentlich auf der Seite der Meldung zu sehen; wer gemeldet hat, wird benachrichtigt.
task-repaired-button = Als repariert markieren
task-error-photo = Fügen Sie ein Foto der erledigten Arbeit hinzu
task-error-report-closed = Die Meldung ist anders geschlossen. Öffnen Sie sie zuerst in der Liste der Meldungen wieder.
triage-error-duplicate = Geben Sie die Referenz einer anderen Meldung der Gemeinde an, zum Beispiel BLC-2026-00012.
reopen-title = Das Problem ist nicht behoben?
reopen-label = Was nicht stimmt
reopen-hint = Zum Beispiel: Das Loch ist wieder da. Die Meldung wird wieder geöffnet und der Dienst benachrichtigt.
reopen-button = Meldung wieder öffnen
reopen-error-motif = Sagen Sie in einigen Worten, was nicht stimmt (mindestens 5 Zeichen)
reopen-closed-title = Diese Meldung kann nicht mehr geöffnet werden
reopen-closed-text = Sie ist seit mehr als 60 Tagen geschlossen oder wurde mit einer anderen zusammengelegt. Machen Sie eine neue Meldung.
reopen-link-text = Öffnen Sie den Link der letzten E-Mail dazu, oder machen Sie eine neue Meldung.
reopen-link-title = Nur wer die Meldung gemacht hat, kann sie wieder öffnen
reopen-by-link = Wenn Sie es gemeldet haben, öffnen Sie den Link der letzten E-Mail dazu: Dann können Sie es wieder öffnen. Sonst machen Sie eine neue Meldung oder wenden sich an die Gemeinde.
follow-confirm-done = Notiert. Sie erhalten bei jedem Schritt eine Nachricht.
follow-confirm-button = Ja, ich möchte diese Meldung verfolgen
follow-confirm-text = Bestätigen Sie, dass Sie bei jedem Schritt dieser Meldung eine Nachricht erhalten möchten.
follow-confirm-title = Eine Meldung per E-Mail verfolgen
history-csv = Verlauf herunterladen (CSV)

## Agents: notifications and comments
agent-nav-notices = Benachrichtigungen
notices-title = Benachrichtigungen
notices-new = Neu:
notices-none = Noch nichts.
notices-read = Alles als gelesen markieren
notices-settings = Per E-Mail
notices-email-legend = Wie möchten Sie per E-Mail benachrichtigt werden?
notices-email-now = Jedes Mal eine E-Mail
notices-email-digest = Eine E-Mail pro Tag, morgens
notices-email-never = Keine E-Mail: nur hier
notices-error = Wählen Sie eine der Möglichkeiten.
notice-assigned = Die Aufgabe „{ $task }" ist Ihnen anvertraut
notice-mentioned = Sie werden in der Aufgabe „{ $task }" erwähnt
notice-task_status = Ihre Aufgabe „{ $task }" hat den Stand geändert
notice-due_soon = Die Aufgabe „{ $task }" ist bis morgen zu erledigen
notice-overdue = Die Aufgabe „{ $task }" ist verspätet
mail-digest-subject = balise: { $count } Benachrichtigungen
mail-notices-text = Guten Tag,

    { $lines }

    Wählen, wie Sie benachrichtigt werden: { $settings }
comments-title = Kommentare
comments-none = Keine Kommentare.
comment-label = Ihr Kommentar
comment-hint = Um jemanden der Gemeinde zu benachrichtigen, schreiben Sie @ und den Anfang der E-Mail-Adresse, zum Beispiel @jean.dupont.
comment-button = Kommentar hinzufügen
comment-error = Schreiben Sie einen Kommentar (höchstens 5000 Zeichen)

## Agents: projects, checklists, time
agent-nav-projects = Projekte
projects-title = Projekte – { $commune }
projects-none = Noch kein Projekt.
projects-new = Neues Projekt
projects-name-hint = Zum Beispiel „Umgestaltung des Marktplatzes"
projects-create = Projekt erstellen
project-error-name = Geben Sie dem Projekt einen Namen (höchstens 200 Zeichen)
project-caption = Projekt
project-features = Auf der Karte
project-features-hint = Eine Baustelle, eine Umleitung oder eine Veranstaltung kommt über ihr Formular zum Projekt (Feld „Projekt").
project-no-features = Noch nichts auf der Karte.
project-new-task = Neue Aufgabe des Projekts
project-add-task = Aufgabe hinzufügen
task-project = Projekt
task-no-project = Kein Projekt
task-checklist = Schritte
task-new-steps = Neue Schritte
task-new-steps-hint = Ein Schritt pro Zeile, zum Beispiel „Schilder 48 Stunden vorher aufstellen".
task-minutes-add = Hinzuzufügende Zeit (Minuten)
task-minutes-spent = Bereits aufgewendet: { $minutes } Minuten.
task-error-nouvelles_etapes = Ein Schritt hat höchstens 200 Zeichen, eine Aufgabe höchstens 50 Schritte
task-error-minutes_ajoutees = Geben Sie eine Anzahl Minuten ein, zum Beispiel 90
task-error-minutes = Geben Sie eine Anzahl Minuten ein, zum Beispiel 90
task-error-projet = Wählen Sie ein Projekt der Gemeinde
element-project = Projekt
tasks-view = Ansicht
tasks-view-liste = Liste
tasks-view-colonnes = Spalten nach Stand
tasks-view-calendrier = Kalender der Fristen
tasks-none-dated = Keine Aufgabe hat eine Frist.
rules-up = Regel { $n } nach oben
rules-down = Regel { $n } nach unten

## Agents: task templates
templates-title = Aufgabenvorlagen
templates-none = Noch keine Vorlage.
templates-new = Neue Vorlage
templates-add = Vorlage hinzufügen
template-task-title = Titel der Aufgaben
template-lead = { $days } Arbeitstage vor Beginn
template-lead-label = Frist vor Beginn (Arbeitstage)
template-lead-hint = Für eine Aufgabe zu einem Element der Karte: zum Beispiel 2, um die Schilder 48 Stunden vor einem Parkverbot aufzustellen.
template-recurrence = Wiederholung
template-once = Keine Wiederholung
template-weekly = Jeden { $day }
template-monthly = Am { $n }. jedes Monats
template-for-feature = Neue Aufgabe aus einer Vorlage
template-make = Aufgabe erstellen
task-photos = Fotos
task-no-photos = Keine Fotos.
task-photo-alt = Foto { $n } der Aufgabe
task-photo-add-label = Ein Foto hinzufügen
task-photo-add-hint = JPEG, PNG oder WebP, höchstens 10 MB, 20 Fotos pro Aufgabe. Nur die Leute der Gemeinde sehen es.
task-photo-add = Foto hinzufügen
task-error-photos-count = Eine Aufgabe behält höchstens 20 Fotos

# Journal (audit of the commune's settings)
agent-nav-journal = Protokoll
journal-title = Änderungsprotokoll – { $commune }
journal-intro = Wer die Dienste, Zuweisungsregeln, Projekte und Aufgabenvorlagen angelegt, geändert oder gelöscht hat, und wann. Elemente der Karte und Aufgaben haben ihren eigenen Verlauf auf ihrer Seite.
journal-kind = Art
journal-kind-all = Alle Arten
journal-one-object = Sie sehen den Verlauf eines einzelnen Objekts.
journal-all = Das ganze Protokoll ansehen
journal-csv = Das Protokoll herunterladen (CSV)
journal-caption = { $count ->
    [one] Eine Änderung, die neueste zuerst
   *[other] { $count } Änderungen, die neuesten zuerst
}
journal-when = Datum
journal-who = Von
journal-what = Aktion
journal-object = Objekt
journal-details = Einzelheiten
journal-none = Keine Änderung erfasst.
audit-kind-service = Dienst
audit-kind-regle = Zuweisungsregel
audit-kind-projet = Projekt
audit-kind-modele = Aufgabenvorlage
audit-kind-compte = Konto
audit-kind-jeton = Zugangsschlüssel
audit-action-cree = Angelegt
audit-action-renomme = Umbenannt
audit-action-modifie = Geändert
audit-action-supprime = Gelöscht
audit-action-membre_ajoute = Person hinzugefügt
audit-action-membre_retire = Person entfernt
audit-action-deplace = Reihenfolge geändert
audit-action-role_donne = Rolle vergeben
audit-action-role_retire = Rolle entzogen
audit-action-revoque = Widerrufen
audit-field-name = Name
audit-field-email = Adresse
audit-field-role = Rolle
audit-field-category = Kategorie
audit-field-service = Dienst
audit-field-position = Platz
audit-field-description = Beschreibung
audit-field-title = Titel
audit-field-lead_days = Werktage vorher
audit-field-recurrence = Wiederholung
services-history = Verlauf von „{ $name }“
services-edit = „{ $name }“ umbenennen oder löschen
services-rename-label = Name des Dienstes
services-delete-hint = Ein Dienst kann erst gelöscht werden, wenn er keine Regel, keine offene Aufgabe und keine offene Meldung mehr hat.
services-rename = Umbenennen
services-delete = Den Dienst löschen
services-error-name-taken = Ein anderer Dienst der Gemeinde trägt schon diesen Namen
services-error-stale = Jemand hat diesen Dienst inzwischen geändert. Hier ist sein aktueller Name: versuchen Sie es bei Bedarf erneut.
services-error-in-use = Dieser Dienst hat noch Regeln, offene Aufgaben oder offene Meldungen. Geben Sie sie zuerst einem anderen Dienst.
services-renamed = Der Dienst wurde umbenannt.
services-deleted = Der Dienst wurde gelöscht.
rules-history = Verlauf der Regeln
project-saved = Das Projekt wurde gespeichert.
project-change = Das Projekt ändern oder löschen
project-save = Das Projekt speichern
project-delete = Das Projekt löschen
project-delete-hint = Ein Projekt kann erst gelöscht werden, wenn keine Aufgabe und kein Element der Karte mehr dazugehört.
project-history = Verlauf des Projekts
project-deleted = Das Projekt wurde gelöscht.
project-error-stale = Jemand hat dieses Projekt inzwischen geändert. Hier ist die aktuelle Fassung: versuchen Sie es bei Bedarf erneut.
project-error-in-use = Dieses Projekt hat noch Aufgaben oder Elemente auf der Karte. Nehmen Sie sie zuerst aus dem Projekt.
project-error-name-taken = Ein anderes Projekt der Gemeinde trägt schon diesen Namen
project-error-description = Die Beschreibung ist zu lang (höchstens 10.000 Zeichen)

# Documents on tasks
task-documents = Dokumente
task-no-documents = Noch kein Dokument.
task-document-add-label = Ein Dokument anhängen
task-document-add-hint = Plan, Genehmigung, Angebot… Angenommene Formate: { $types }. Höchstens 10 MB, 20 Dokumente pro Aufgabe. Nur die Personen der Gemeinde sehen sie.
task-document-add = Das Dokument anhängen
task-document-error-size = Das Dokument ist zu groß: höchstens { $mb } MB
task-document-error-none = Wählen Sie ein Dokument zum Anhängen
task-document-error-count = Eine Aufgabe bewahrt höchstens 20 Dokumente
task-document-error-type = Diese Datei ist kein angenommenes Dokument. Angenommene Formate: { $types }
size-kb = { $n } kB
size-mb = { $n } MB
dashboard-chart-categories = Diagramm: offene Meldungen nach Kategorie und Alter
dashboard-chart-services = Diagramm: offene Meldungen nach Dienst
dashboard-chart-note = Dieselben Zahlen wie in der Tabelle oben.
dashboard-chart-on-time = Fristgerecht
tasks-view-carte = Auf der Karte
tasks-map-placed = Aufgaben an ihrem Ort
tasks-map-at = Bei:
tasks-map-none = Keine dieser Aufgaben ist mit einem Element der Karte verknüpft.
tasks-map-unplaced = Aufgaben ohne Ort
tasks-map-label = Karte der Aufgaben, am Ort ihres Elements
tasks-map-note = Jeder Punkt ist eine Aufgabe, am Ort des Elements, mit dem sie verknüpft ist. Die Liste enthält dieselben Aufgaben.
notices-lang = Sprache Ihrer E-Mails
task-worker-note = Die Bauleitung entscheidet über Team, Person, Datum und Priorität. Sie geben an, wie die Arbeit vorangeht: Stand, Schritte, aufgewendete Zeit, Fotos und Dokumente.
task-error-planner-only = Nur wer plant, kann Titel, Team, Person, Datum oder Priorität einer Aufgabe ändern
journal-more = Die { $count } neuesten Änderungen werden angezeigt; die CSV-Datei enthält sie alle.
template-error-name = Geben Sie der Vorlage einen Namen (höchstens 200 Zeichen)
template-error-name-taken = Eine andere Vorlage der Gemeinde trägt schon diesen Namen
template-error-lead = Die Frist ist eine Zahl von Werktagen, von 0 bis 60
template-error-recurrence = Wählen Sie eine Wiederholung aus der Liste
template-error-steps = Höchstens 50 Schritte, je höchstens 200 Zeichen
template-error-title-field = Geben Sie der Aufgabe einen Titel (höchstens 200 Zeichen)
template-delete = Die Vorlage „{ $name }“ löschen
templates-history = Verlauf der Vorlagen
task-document-remove = „{ $name }“ entfernen
tasks-move-label = Stand der Aufgabe „{ $task }“
tasks-move = Ändern
task-photo-remove = Foto { $n } entfernen
journal-by-token = Zugangsschlüssel „{ $name }“
journal-by-cli = Befehlszeile des Servers
journal-by-balise = balise (automatische Aufgabe)
journal-by-admin-token = Verwaltungsschlüssel des Servers
template-change = „{ $name }“ ändern
template-change-title = Die Vorlage „{ $name }“ ändern
template-change-intro = Aufgaben, die schon mit dieser Vorlage erstellt wurden, bleiben, wie sie sind. Eine neue Wiederholung beginnt ab heute.
template-history = Verlauf der Vorlage
template-back = Zurück zu den Aufgaben
