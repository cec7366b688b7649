# balise — textes de l'interface, en français (langue source).
# Phrases courtes, mots simples, « vous ». Les autres langues ont les mêmes clés.

## Site
site-tagline = Travaux et événements dans votre commune
skip-to-content = Aller au contenu
nav-label = Menu principal
nav-home = Accueil
nav-map = Carte des travaux
nav-report = Signaler un problème
nav-follow = Suivre un signalement
lang-switch-label = Langue
commune-of = Commune de { $name }
back-home = Retour à l'accueil
footer-help = Besoin d'aide ?
footer-help-page = Aide et contact
footer-privacy = Vie privée
footer-accessibility = Accessibilité
footer-api = Données ouvertes
footer-licence = balise est un logiciel libre, sous licence EUPL-1.2. Limites des communes : Statbel.
contact-phone = Téléphone :
contact-email = E-mail :

## Erreurs
error-title-prefix = Erreur :{ " " }
error-summary-title = Il y a un problème
error-prefix = Erreur :
not-found-title = Page introuvable
not-found-text = Cette page n'existe pas ou n'est plus en ligne. Vérifiez l'adresse.

## Accueil
home-title = Ce qui se passe dans votre commune
home-lead = Travaux, déviations, stationnement interdit, événements : voyez où et quand. Signalez un problème sur la voie publique.
home-action-map = Voir les travaux et les événements
home-action-map-text = Sur une liste et sur une carte, jour par jour.
home-action-report = Signaler un problème
home-action-report-text = Un trou dans la route, une lampe en panne, des déchets : prévenez la commune.
home-action-permit = Demander une autorisation
home-action-permit-text = Pour un événement, un conteneur, un échafaudage ou un déménagement.
home-action-follow = Suivre un signalement
home-action-follow-text = Avec la référence reçue, par exemple SOI-2026-00042.
home-towns = Les communes
home-town-link = Ce qui se passe à { $commune }

## Pages d'information
help-title = Aide et contact
help-p1 = Vous avez une question ? Vous préférez parler à quelqu'un ? Appelez ou écrivez au service travaux de votre commune.
help-h-map = Voir les travaux
help-p-map = La page « Carte des travaux » montre une liste. Choisissez un jour ou une période. Vous pouvez chercher une rue.
help-h-report = Signaler un problème
help-p-report = Répondez à une question par page. Vous recevez une référence. Gardez-la pour suivre votre signalement.
help-h-counter = Sans ordinateur
help-p-counter = Vous pouvez aussi signaler un problème par téléphone ou au guichet de l'administration communale. Un agent remplit la demande avec vous.
privacy-title = Vie privée
privacy-p1 = Votre commune traite vos données pour répondre à vos signalements. Elle respecte le règlement général sur la protection des données (RGPD).
privacy-h-what = Ce que nous gardons
privacy-p-what = Le lieu, la catégorie, votre description et vos photos. Votre e-mail ou votre téléphone, seulement si vous les donnez.
privacy-h-public = Ce qui est public
privacy-p-public = Sur la carte, on voit seulement la catégorie, l'état et la date. Jamais votre nom, votre e-mail ou votre téléphone.
privacy-h-photos = Les photos
privacy-p-photos = Nous enlevons toutes les informations cachées des photos, aussi la position GPS. Une photo devient publique seulement si un agent l'accepte.
privacy-h-keep = Combien de temps
privacy-p-keep = Vos coordonnées sont effacées quand le problème est clôturé depuis un certain temps (un an, sauf autre choix de la commune).
privacy-h-rights = Vos droits
privacy-p-rights = Vous pouvez voir, corriger ou faire effacer vos données. Écrivez au service de votre commune. Vous pouvez aussi vous plaindre auprès de l'Autorité de protection des données.
a11y-title = Accessibilité
a11y-p1 = Les communes veulent que ce site soit facile à utiliser pour tout le monde. Il suit le décret wallon du 2 mai 2019 et la norme EN 301 549.
a11y-h-status = État de conformité
a11y-p-status = Ce site vise le niveau AA des règles WCAG 2.2. Chaque page est testée automatiquement. Tout fonctionne sans JavaScript.
a11y-h-limits = Limites connues
a11y-p-limits = La carte est un complément : la liste à côté montre les mêmes informations. Les anciennes photos n'ont pas toujours une description.
a11y-h-contact = Un problème d'accès ?
a11y-p-contact = Dites-le-nous par téléphone ou par e-mail au service de votre commune. Nous vous répondons et nous vous donnons l'information autrement.
a11y-h-appeal = Recours
a11y-p-appeal = Sans réponse satisfaisante, vous pouvez vous adresser au Médiateur commun de la Wallonie et de la Fédération Wallonie-Bruxelles.
permits-title = Demander une autorisation
permits-p1 = Bientôt, vous pourrez demander ici une autorisation pour un événement ou pour occuper la voie publique (conteneur, échafaudage, déménagement).
permits-p2 = En attendant, contactez votre commune :
api-title = Données ouvertes
api-p1 = Toutes les données publiques de la carte sont ouvertes. Les programmes peuvent les lire ici :
api-features = les travaux, déviations, événements et signalements, en GeoJSON
api-communes = les communes
api-tiles = les tuiles vectorielles de la carte
api-style = le style de la carte pour MapLibre
api-ops = l'état du service
api-licence = Limites des communes : Statbel (licence de données ouvertes de Statistics Belgium).

## Types
kind-works = Chantiers
kind-diversion = Déviations
kind-parking_ban = Stationnement interdit
kind-event = Événements
kind-occupation = Occupations de la voie publique
kind-report = Signalements
kind-one-works = Chantier
kind-one-diversion = Déviation
kind-one-parking_ban = Stationnement interdit
kind-one-event = Événement
kind-one-occupation = Occupation de la voie publique
kind-one-report = Signalement

## États
status-planned = Prévu
status-in_progress = En cours
status-suspended = Suspendu
status-completed = Terminé
status-cancelled = Annulé
status-new = Nouveau
status-acknowledged = Pris en compte
status-resolved = Réparé
status-not_competent = Transmis à un autre gestionnaire
status-duplicate = Déjà signalé
status-not_reproducible = Problème non constaté
status-closed = Clôturé sans réparation

## Carte et liste
carte-title = Travaux et événements
carte-lead = Choisissez quoi et quand. La liste montre tout. La carte montre les mêmes éléments.
filter-what = Quoi ?
filter-when = Quand ?
when-opt-aujourdhui = Aujourd'hui
when-opt-semaine = Cette semaine
when-opt-semaine-prochaine = La semaine prochaine
when-opt-jour = Un jour choisi
when-opt-periode = Une période
when-day-legend = Le jour choisi
when-from-legend = Début de la période
when-to-legend = Fin de la période
date-day = Jour
date-month = Mois
date-year = Année
date-hint = Par exemple : 17 12 2026
filter-commune = Commune
filter-all-communes = Toutes les communes
filter-search = Rue ou lieu (facultatif)
filter-search-hint = Par exemple : rue de la Station, Casteau, marché
filter-apply = Afficher
results-count = { $count ->
    [0] Aucun résultat
    [one] 1 résultat
   *[other] { $count } résultats
}
results-on = Le { $date }.
results-between = Du { $from } au { $to }.
results-none-help = Rien ne correspond. Essayez une autre date ou un autre mot.
col-what = Quoi
col-where = Où
col-when = Quand
col-status = État
show-on-map = Voir sur la carte
pagination-label = Pages de résultats
page-prev = Page précédente
page-next = Page suivante
page-of = Page { $page } sur { $pages }
map-heading = Carte
map-label = Carte des travaux et des événements
map-nojs = La carte a besoin de JavaScript et de WebGL. La liste montre les mêmes informations.
map-broader = Votre recherche trouve plus de { $max } éléments : la carte montre tout ce qui correspond aux dates et aux types choisis.
skip-map = Passer la carte
legend-heading = Légende
legend-active = En cours : trait plein
legend-planned = Prévu : tirets
legend-suspended = Suspendu : pointillés
legend-done = Terminé : trait fin espacé
maplibre-locale = fr
error-day = Entrez une date valide, par exemple 17 12 2026
error-range-from = Entrez une date de début valide, par exemple 17 12 2026
error-range-to = Entrez une date de fin valide, par exemple 24 12 2026
error-range-order = La date de fin doit être après la date de début
error-range-long = La période peut durer au plus { $days } jours
error-search-long = La recherche peut contenir au plus { $max } caractères

## Fiche
back-to-map = Retour à la liste
feature-what = Quoi
feature-category = Catégorie :
feature-where = Où
feature-coordinates = Coordonnées : { $lat }, { $lon }
feature-osm = voir sur OpenStreetMap
feature-when = Quand
feature-diversions = Déviations
feature-serves = Pour les travaux
feature-history = Suivi
feature-contact = Contact
fact-owner = Maître d'ouvrage
fact-contractor = Entreprise
fact-applicant = Demandeur

## Dates en mots
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-full = { $weekday } { $day } { $month }
date-short = { $weekday } { $day }
date-with-year = { $date } { $year }
date-at = { $date } à { $time }
time = { $m ->
    [0] { $h } h
   *[other] { $h } h { $mm }
}
and = et
when-on = le { $date }
when-range = du { $from } au { $to }
when-on-hours = le { $date }, de { $start } à { $end }
when-range-hours = du { $from } à { $start } au { $to } à { $end }
when-from = à partir du { $from }, jusqu'à nouvel ordre
when-hours = de { $start } à { $end }
when-except = sauf le { $dates }
days-every = tous les jours
days-span = du { $first } au { $last }
days-each = chaque { $days }

## Signaler un problème
back = Retour
continue = Continuer
change = Modifier
report-start-title = Signaler un problème
report-start-lead = Un trou dans la route, une lampe en panne, des déchets ? Prévenez votre commune.
report-start-steps = Nous allons vous demander :
report-start-where = où se trouve le problème ;
report-start-what = de quel problème il s'agit ;
report-start-photos = des photos, si vous voulez ;
report-start-contact = comment vous prévenir, si vous voulez.
report-start-urgent = Danger immédiat ? Appelez la police au 101 ou les secours au 112.
report-start-button = Commencer
report-lieu-title = Où se trouve le problème ?
lieu-intro = Cherchez une rue ou un lieu, ou décrivez l'endroit avec vos mots.
lieu-search-label = Rue ou lieu
lieu-search-hint = Par exemple : rue Neuve, Grand-Place, Casteau
lieu-search-button = Chercher
lieu-found-legend = Choisissez l'endroit
lieu-words-label = Décrivez l'endroit (facultatif si vous avez choisi un lieu)
lieu-words-hint = Par exemple : devant le numéro 12, près de l'arrêt de bus
lieu-commune-label = Commune
lieu-commune-choose = Choisissez la commune
lieu-error-none-found = Aucun lieu trouvé. Décrivez l'endroit et choisissez la commune.
lieu-error-commune = Choisissez la commune où se trouve le problème
lieu-error-none = Indiquez où se trouve le problème
lieu-error-neighbour = Cet endroit se trouve à { $commune }. Contactez directement cette commune.
lieu-error-outside = Cet endroit ne se trouve pas dans une commune que nous connaissons.
report-categorie-title = Quel est le problème ?
categorie-error = Choisissez le type de problème
report-doublons-title = Déjà signalé ?
doublons-intro = Ces problèmes ont déjà été signalés tout près :
doublons-distance = à { $metres } m
doublons-follow = Si c'est le même problème, suivez-le : inutile de le signaler deux fois.
doublons-continue = C'est un autre problème, continuer
report-description-title = Décrivez le problème
description-hint = Dites ce que vous voyez. Par exemple : un trou profond sur la chaussée, côté droit.
description-error-empty = Décrivez le problème
error-too-long = Écrivez au plus { $max } caractères
report-photos-title = Ajoutez des photos (facultatif)
photos-label = Photos
photos-hint = Jusqu'à 3 photos, au format JPEG, PNG ou WebP, de 10 Mo au plus chacune.
photos-thumb-alt = Votre photo { $n }
photos-remove = Retirer la photo
photos-error-size = Une photo dépasse 10 Mo. Choisissez une photo plus petite.
photos-error-count = Vous pouvez ajouter au plus { $max } photos
photos-error-format = Le fichier { $file } n'est pas une photo JPEG, PNG ou WebP
report-contact-title = Voulez-vous être prévenu ?
contact-hint = Nous vous écrivons quand le problème avance. Nous ne publions jamais vos coordonnées.
contact-by-email = Oui, par e-mail
contact-email-label = Adresse e-mail
contact-by-phone = Oui, par téléphone
contact-phone-label = Numéro de téléphone
contact-anonymous = Non, rester anonyme
contact-error-email = Entrez une adresse e-mail, par exemple nom@exemple.be
contact-error-phone = Entrez un numéro de téléphone, par exemple 067 12 34 56
contact-error-choice = Choisissez si vous voulez être prévenu
report-verifier-title = Vérifiez votre signalement
check-where = Où
check-what = Problème
check-description = Description
check-photos = Photos
check-photo-count = { $count ->
    [0] Aucune photo
    [one] 1 photo
   *[other] { $count } photos
}
check-contact = Vous prévenir
honeypot-label = Ne remplissez pas ce champ
check-send-text = En envoyant, vous transmettez ce signalement à votre commune.
send-button = Envoyer le signalement
sent-title = Signalement envoyé
sent-reference = Votre référence :
sent-keep = Notez cette référence. Elle vous permet de suivre votre signalement, aussi par téléphone.
sent-next-title = Et maintenant ?
sent-next-text = Le service travaux de votre commune examine votre signalement. Il apparaît sur la carte. Si vous avez donné votre e-mail, vous recevez un message à chaque étape.
sent-follow-link = Suivre ce signalement
sent-print = Pour garder une copie, imprimez cette page ou enregistrez-la en PDF.
sent-another = Signaler un autre problème
follow-title = Suivre un signalement
follow-report-title = Signalement { $reference }
follow-hint = Elle se trouve dans votre confirmation. Par exemple : SOI-2026-00042.
follow-button = Voir le suivi
follow-error-empty = Entrez la référence du signalement
follow-error-format = Entrez la référence comme sur votre confirmation, par exemple SOI-2026-00042
follow-error-unknown = Aucun signalement ne porte la référence { $reference }
explain-new = Votre signalement est arrivé. Le service va l'examiner.
explain-acknowledged = Le service a vu le problème et va s'en occuper.
explain-planned = Une intervention est prévue.
explain-in_progress = Les ouvriers communaux s'en occupent.
explain-resolved = Le problème est réparé.
explain-not_competent = Ce problème dépend d'un autre gestionnaire. Nous lui avons transmis.
explain-duplicate = Ce problème avait déjà été signalé. Suivez le premier signalement.
explain-not_reproducible = Le service n'a pas trouvé le problème sur place.
explain-closed = Le signalement est clôturé sans réparation.
unsubscribe-title = Ne plus recevoir de messages
unsubscribe-text = Vous ne recevrez plus de message sur ce signalement.
unsubscribe-button = Confirmer
unsubscribe-done = C'est fait. Vous ne recevrez plus de message sur ce signalement.
csrf-title = Le formulaire a expiré
csrf-text = Pour votre sécurité, recommencez depuis la page précédente. Vos réponses déjà données sont gardées.
spam-title = Envoi refusé
spam-text = Votre envoi n'a pas pu être accepté. Si vous êtes une personne, appelez votre commune.
send-error-title = Le signalement n'a pas pu être envoyé
send-error-text = Réessayez dans quelques minutes, ou appelez votre commune.
too-many-title = Trop d'envois
too-many-text = Vous avez envoyé beaucoup de formulaires en peu de temps. Attendez une minute, puis réessayez.
mail-confirm-subject = Votre signalement { $reference } est bien arrivé
mail-confirm-text = Bonjour,

    Votre commune a bien reçu votre signalement. Sa référence est { $reference }.

    Suivez-le ici : { $link }

    Nous vous écrirons à chaque étape.
mail-status-subject = Votre signalement { $reference } : { $status }
mail-status-text = Bonjour,

    Votre signalement { $reference } a changé : { $status }.
    { $explain }

    Suivez-le ici : { $link }
lieu-map-hint = Ou touchez la carte à l'endroit du problème.
lieu-map-label = Carte pour indiquer l'endroit du problème
lieu-map-chosen = Endroit choisi : { "{" }lat{ "}" }, { "{" }lon{ "}" }
lieu-locating = Recherche de votre position…
lieu-no-position = Votre position n'est pas disponible. Cherchez une rue ou décrivez l'endroit.
lieu-show-map = Montrer la carte
lieu-my-position = Utiliser ma position
feature-photo-alt = Photo { $n } du problème
follow-by-email-title = Recevoir les nouvelles par e-mail
follow-by-email-hint = Vous avez vu le même problème ? Inutile de le signaler à nouveau : recevez un message à chaque étape.
follow-by-email-button = Suivre ce signalement
follow-by-email-done = C'est noté. Vous recevrez un message à chaque étape.
mail-follow-subject = Vous suivez le signalement { $reference }
mail-follow-text = Bonjour,

    Vous suivez le signalement { $reference }. Nous vous écrirons à chaque étape.

    Suivez-le ici : { $link }
