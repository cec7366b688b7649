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
photos-error-pixels = La photo { $file } est trop grande ({ $mp } mégapixels) : { $max } mégapixels au plus. Envoyez une photo plus petite, par exemple prise avec votre téléphone.
photos-error-unwritable = La photo n'a pas pu être enregistrée. Réessayez dans quelques minutes.
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
follow-by-email-done = Nous vous avons envoyé un e-mail. Cliquez sur le lien qu'il contient pour confirmer : vous recevrez ensuite un message à chaque étape.
mail-follow-subject = Confirmez le suivi du signalement { $reference }
mail-follow-text = Bonjour,

    Pour recevoir un message à chaque étape du signalement { $reference }, confirmez ici : { $link }

    Si vous n'avez rien demandé, ne faites rien : vous ne recevrez plus rien.
## Agents: signing in, accounts
footer-agents = Espace agents
optional = (facultatif)
filter-button = Afficher
date-time = Heure
signin-title = Se connecter à l'espace agents
signin-intro = Cet espace est réservé aux agents des communes. Les citoyens n'ont pas besoin de compte.
signin-email = Adresse e-mail
signin-password = Mot de passe
signin-button = Se connecter
signin-forgot = Mot de passe oublié ou premier accès
signin-error-email = Indiquez votre adresse e-mail
signin-error-password = Indiquez votre mot de passe
signin-error-wrong = L'adresse e-mail ou le mot de passe ne correspond pas
signin-error-wait = Trop d'essais sans succès pour cette adresse. Réessayez à partir de { $time }, ou choisissez un nouveau mot de passe.
signin-done-password = Votre mot de passe est enregistré. Connectez-vous avec ce mot de passe.
signin-done-signed-out = Vous êtes déconnecté.
signin-done-everywhere = Vous êtes déconnecté sur tous vos appareils.
forgot-title = Choisir un nouveau mot de passe
forgot-hint = Nous vous envoyons un lien valable 1 heure.
forgot-button = Recevoir le lien
forgot-error-email = Indiquez une adresse e-mail, par exemple nom@commune.be
forgot-sent = Si un compte existe pour { $email }, un lien vient d'y être envoyé. Il est valable 1 heure.
forgot-back = Retour à la connexion
reset-title = Votre nouveau mot de passe
reset-password = Nouveau mot de passe
reset-hint = Au moins 12 caractères. Une phrase facile à retenir convient bien.
reset-confirmation = Le même mot de passe, encore une fois
reset-button = Enregistrer le mot de passe
reset-error-short = Le mot de passe doit avoir au moins { $count } caractères
reset-error-long = Le mot de passe est trop long
reset-error-confirmation = Les deux mots de passe ne sont pas identiques
reset-expired = Ce lien n'est plus valable : il a déjà servi ou il a plus d'1 heure.
reset-ask-again = Demander un nouveau lien
mail-reset-subject = Votre mot de passe balise
mail-reset-text = Bonjour,

    Pour choisir votre mot de passe de l'espace agents, ouvrez ce lien dans l'heure :
    { $link }

    Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.
account-title = Mon compte
account-signed-in-as = Vous êtes connecté avec l'adresse { $email }.
account-roles = Vos rôles
account-everywhere-title = Appareil perdu ?
account-everywhere-text = Vous pouvez fermer toutes vos sessions, sur tous les appareils, y compris celui-ci.
account-everywhere-button = Me déconnecter partout
role-agent = Agent
role-coordinator = Coordinateur
role-worker = Ouvrier communal
role-admin = Administrateur
tokens-title = Clés d'accès à l'API
tokens-intro = Une clé permet à un autre logiciel de la commune d'utiliser l'API avec un rôle. Elle n'est montrée qu'une fois.
tokens-created = Voici la nouvelle clé. Copiez-la maintenant : elle ne sera plus jamais affichée.
tokens-name = Nom
tokens-name-hint = Le logiciel qui l'utilise, par exemple « SIG du service travaux »
tokens-commune = Commune
tokens-role = Rôle
tokens-created-at = Créée le
tokens-action = Action
tokens-revoke = Retirer la clé { $name }
tokens-revoked = Retirée
tokens-new = Nouvelle clé
tokens-create = Créer la clé
tokens-error-name = Donnez un nom à la clé
tokens-error-role = Choisissez un rôle
tokens-error-commune = Vous n'êtes pas administrateur de cette commune
tokens-error-revoke = Cette clé n'existe pas ou n'est pas de votre commune
unavailable-title = Service momentanément indisponible
unavailable-text = Réessayez dans quelques minutes. Si le problème continue, prévenez le service informatique.
draft-unsaved-text = Votre réponse n'a pas pu être enregistrée. Revenez à la page précédente et envoyez-la à nouveau dans quelques minutes.
forbidden-title = Accès refusé
forbidden-text = Votre rôle ne permet pas cette action pour cette commune.
stale-title = Quelqu'un a modifié cet élément entre-temps
stale-text = Rechargez la page pour voir la dernière version, puis recommencez.

## Agents: workspace
agent-nav-label = Espace agents
agent-nav-list = Occupations de l'espace public
agent-nav-conflicts = Conflits
agent-nav-account = Mon compte
agent-sign-out = Se déconnecter
agent-title = Occupations de l'espace public
agent-new = Créer
agent-new-kind = Nouveau : { $kind }
agent-filters = Filtrer la liste
agent-filter-kind = Type
agent-filter-status = État
agent-filter-all = Tous
agent-filter-my-communes = Toutes mes communes
agent-filter-from = Actif à partir du
agent-filter-to = Actif jusqu'au
agent-filter-text = Mots du titre ou de la description
agent-count = { $count ->
    [0] Aucun élément
    [one] 1 élément
   *[other] { $count } éléments
}
agent-none = Aucun élément ne correspond à ces filtres.
agent-internal = Interne
agent-row-conflicts = { $count ->
    [one] 1 conflit
   *[other] { $count } conflits
}
agent-map-label = Carte des occupations, y compris les éléments internes
agent-map-note = Les traits pointillés sont les éléments internes, non publiés.
element-new-title = Nouveau : { $kind }
element-kind = Type
element-title = Titre
element-title-hint = Ce que les citoyens verront, par exemple « Réfection de la rue de Mons »
element-description = Description
element-status = État
element-public = Publier sur la carte publique
element-where = Où ?
element-shape = Forme
element-coordinates = Coordonnées
element-coordinates-hint = Une ligne par point : latitude, longitude (par exemple 50.5794, 4.0712). Pour une zone, donnez les coins dans l'ordre. La carte remplit ce champ quand vous dessinez.
element-when = Quand ?
element-when-hint = Donnez au moins une période, ou des horaires par semaine. Sans heure, la journée entière compte.
element-save = Enregistrer
element-check = Vérifier les conflits
element-conflicts = { $count ->
    [0] Conflits
    [one] 1 conflit
   *[other] { $count } conflits
}
element-no-conflicts = Aucun conflit avec d'autres occupations.
element-history = Historique
element-is-public = Publié sur la carte publique.
element-is-internal = Interne : seuls les agents de la commune le voient.
element-see-public = Voir la page publique
element-publish = Publier
element-unpublish = Retirer de la carte publique
element-done-created = L'élément est créé.
element-done-saved = Les changements sont enregistrés.
element-done-published = L'élément est publié sur la carte publique.
element-done-unpublished = L'élément n'est plus sur la carte publique.
element-done-assessed = L'évaluation est enregistrée.
history-create = Création
history-update = Modification
history-delete = Suppression
shape-point = Un point
shape-ligne = Une ligne (le long des rues)
shape-zone = Une zone
shape-geojson = Forme complexe (GeoJSON)
draw-heading = Dessiner sur la carte
draw-skip = Passer la carte et taper les coordonnées
draw-nojs = Sans JavaScript, tapez les coordonnées ci-dessous.
draw-hint = Choisissez une forme, puis touchez la carte à chaque point. Pour finir une ligne ou une zone, touchez à nouveau le dernier ou le premier point.
draw-tools = Outils de dessin
draw-point = Point
draw-line = Ligne
draw-zone = Zone
draw-clear = Effacer
draw-label = Carte pour dessiner l'emplacement
draw-done = Forme dessinée. Les coordonnées sont remplies.
period-n = Période { $n }
period-start = Début
period-start-hint = Par exemple 17 12 2026, heure 7:30
period-end = Fin
period-end-hint = Laissez vide si la fin n'est pas connue.
weekly-title = Horaires par semaine (facultatif)
weekly-hint = Par exemple du lundi au vendredi, de 7:00 à 16:00, pendant 3 semaines.
weekly-n = Horaire { $n }
weekly-from = Premier jour
weekly-to = Dernier jour
weekly-days = Jours
weekly-from-time = De (heure)
weekly-to-time = À (heure)
exceptions-label = Jours sans occupation
exceptions-hint = Par exemple 25/12/2026, 01/01/2027
serves-legend = Chantiers que cette déviation contourne
serves-none = Aucun chantier en cours ou à venir.
signage-legend = Pose des panneaux
signage-hint = Les panneaux doivent être posés au moins 48 heures avant le début.
signage-warning = Attention : les panneaux sont posés { $hours } heures avant le début. Il en faut au moins 48.
preview-title = Conflits avec d'autres occupations
preview-hint = Les conflits apparaissent ici quand vous dessinez ou quand vous cliquez sur « Vérifier les conflits ».
preview-none = Aucun conflit trouvé.
preview-found = { $count ->
    [one] 1 conflit trouvé. Vous pouvez enregistrer quand même, puis l'évaluer.
   *[other] { $count } conflits trouvés. Vous pouvez enregistrer quand même, puis les évaluer.
}
preview-incomplete = Complétez l'emplacement et les dates pour voir les conflits.
form-error-kind = Choisissez un type
form-error-title = Indiquez un titre
form-error-title-long = Le titre doit faire 200 caractères au plus
form-error-description-long = La description est trop longue
form-error-status = Choisissez un état de la liste
form-error-coordinates-line = La ligne { $line } des coordonnées n'est pas « latitude, longitude »
form-error-coordinates-none = Dessinez l'emplacement sur la carte ou tapez ses coordonnées
form-error-coordinates-count = Un point a 1 ligne, une ligne au moins 2, une zone au moins 3
form-error-geojson = La forme GeoJSON n'est pas valable
form-error-geometry = La forme n'est pas valable : elle se croise ou ses points sont confondus
form-error-outside = L'emplacement est en dehors de votre commune
form-error-forbidden = Votre rôle ne permet pas de créer ou modifier un élément dans cette commune
form-error-stale = Quelqu'un a modifié cet élément entre-temps. Rechargez la page et recommencez.
form-error-unavailable = L'enregistrement n'a pas pu se faire. Réessayez dans quelques minutes.
form-error-date = Indiquez une date réelle, par exemple 17 12 2026
form-error-time = Indiquez une heure, par exemple 7:30
form-error-end-before-start = La fin doit venir après le début
form-error-days = Cochez au moins un jour
form-error-exceptions = Écrivez les jours comme 25/12/2026, séparés par des virgules
form-error-schedule-empty = Donnez au moins une période ou un horaire par semaine
form-error-recurrence-long = Un horaire par semaine peut durer 3 ans au plus
form-error-schedule-large = Cet horaire fait trop de périodes ; divisez-le

## Agents: conflicts
conflicts-title = Conflits – { $commune }
conflicts-intro = Deux occupations sont en conflit quand elles sont à moins de 20 mètres l'une de l'autre au même moment. Chaque commune concernée donne son avis. Un avis est à revoir quand l'un des deux éléments change.
conflicts-open = { $count ->
    [0] À évaluer
   *[other] À évaluer ({ $count })
}
conflicts-settled = { $count ->
    [0] Évalués
   *[other] Évalués ({ $count })
}
conflicts-none-open = Rien à évaluer.
conflicts-none-settled = Aucun conflit évalué.
conflict-when = Ensemble du { $start } au { $end }
conflict-open-end = fin non connue
conflict-distance = à { $metres } m
assessment-to_assess = À évaluer
assessment-accepted = Accepté
assessment-refused = Refusé
assessment-to_reassess = À réévaluer
assess-legend = Avis de { $commune }
assess-accepted = Accepté : les deux peuvent avoir lieu
assess-refused = Refusé : l'un des deux doit changer
assess-note = Remarque
assess-button = Enregistrer l'avis
assess-error-title = L'avis n'est pas enregistré
assess-error-verdict = Choisissez « Accepté » ou « Refusé ».
assess-error-note = La remarque est trop longue (2000 caractères au plus).

## Agents: accounts of the commune
people-title = Comptes de la commune
people-name = Nom
people-invited = Invitation envoyée, mot de passe pas encore choisi
people-remove = Retirer le rôle { $role } à { $email }
people-new = Ajouter une personne
people-email-hint = Si la personne n'a pas encore de compte, elle reçoit un e-mail pour choisir son mot de passe.
people-add = Donner ce rôle
people-added = { $email } a maintenant ce rôle.
people-error-add = Ce compte n'a pas pu être créé. Vérifiez l'adresse.
people-error-remove = Ce rôle n'existe pas ou n'est pas de votre commune
mail-invite-subject = Votre compte balise
mail-invite-text = Bonjour,

    Un compte de l'espace agents balise a été créé pour vous.
    Pour choisir votre mot de passe, ouvrez ce lien dans l'heure :
    { $link }

    Passé ce délai, demandez un nouveau lien avec « Mot de passe oublié ».
conflicts-first = Les { $shown } plus proches dans le temps, sur { $count }.
assess-earlier = { $count ->
    [one] 1 avis précédent
   *[other] { $count } avis précédents
}

## Agents: report triage and services
agent-nav-reports = Signalements
agent-nav-services = Services
triage-title = Signalements à traiter – { $commune }
triage-service = Service
triage-no-service = Sans service
triage-late-only = En retard seulement
triage-late-count = { $count ->
    [one] 1 signalement est en retard.
   *[other] { $count } signalements sont en retard.
}
triage-received = Reçu le { $date }
triage-due = à traiter pour le { $date }
triage-late-by = { $days ->
    [one] En retard d'1 jour ouvrable
   *[other] En retard de { $days } jours ouvrables
}
triage-precision = Précision
triage-precision-hint = Obligatoire pour : transmis à un autre gestionnaire (à qui ?), déjà signalé (quelle référence ?), clôturé sans réparation (pourquoi ?), réouverture (pourquoi ?). La personne qui a signalé reçoit un e-mail à chaque changement d'état.
triage-save = Enregistrer pour { $reference }
triage-details = Détails
triage-done = C'est enregistré.
triage-error-reason = Indiquez la précision demandée pour cet état.
triage-error-transition = Ce changement d'état n'est pas possible. Un signalement clôturé ne peut que revenir à « Pris en compte », avec la raison.
services-title = Services – { $commune }
services-list = Services de la commune
services-none = Aucun service pour l'instant.
services-new = Nouveau service
services-name-hint = Par exemple Voirie, Propreté, Espaces verts
services-add = Ajouter le service
services-members = Personnes des services
services-person = Personne
services-put-in = Mettre dans le service
services-take-out = Retirer du service
services-error-name = Donnez un nom au service
services-error-member = Choisissez une personne et un service de votre commune
services-error-area = La zone doit être un polygone GeoJSON
services-error-service = Choisissez un service de votre commune
services-error-rule = Cette règle n'existe pas ou n'est pas de votre commune
rules-title = Règles d'envoi des signalements
rules-intro = Un nouveau signalement va au service de la première règle qui lui correspond, dans l'ordre.
rules-none = Aucune règle : les signalements arrivent sans service.
rules-any-category = Toute catégorie
rules-in-area = dans une zone
rules-delete = Supprimer la règle { $n }
rules-new = Nouvelle règle
rules-category = Catégorie
rules-area = Zone
rules-area-hint = Un polygone GeoJSON. Vide : toute la commune.
rules-add = Ajouter la règle

## Agents: tasks
agent-nav-tasks = Tâches
triage-make-task = Faire une tâche de { $reference }
tasks-title = Tâches – { $commune }
tasks-mine = Mes tâches seulement
tasks-count = { $count ->
    [0] Aucune tâche
    [one] 1 tâche
   *[other] { $count } tâches
}
tasks-none = Aucune tâche ne correspond.
tasks-due = pour le { $date }
tasks-late = En retard
task-caption = Tâche
task-feature = Voir ce à quoi la tâche se rapporte
task-team = Équipe (service)
task-assignee = Personne
task-nobody = Personne en particulier
task-due = À faire pour le
task-priority = Priorité
task-priority-1 = Urgent
task-priority-2 = Normal
task-priority-3 = Quand c’est possible
task-version = Version { $n }
task-status-a_faire = À faire
task-status-en_cours = En cours
task-status-bloquee = Bloquée
task-status-faite = Faite
task-error-title = Indiquez un titre (200 caractères au plus)
task-error-status = Choisissez un état de la liste
task-error-service = Choisissez un service de la commune
task-error-assignee = Choisissez une personne de la commune
task-error-priority = Choisissez une priorité de la liste
task-error-description = La description est trop longue

## Agents: dashboard
agent-nav-dashboard = Tableau de bord
dashboard-title = Tableau de bord – { $commune }
dashboard-late = signalements en retard.
dashboard-see-late = Les voir
dashboard-resolved-month = signalements réparés ce mois-ci.
dashboard-median = Délai médian de traitement : { $days } jours (sur { $count } signalements clôturés en 12 mois).
dashboard-median-none = Aucun signalement clôturé en 12 mois.
dashboard-open-caption = Signalements ouverts, par catégorie et par âge
dashboard-age-young = Moins d’une semaine
dashboard-age-middle = 1 à 4 semaines
dashboard-age-old = Plus de 4 semaines
dashboard-total = Total
dashboard-services-caption = Signalements ouverts, par service
dashboard-open = Ouverts
dashboard-late-col = En retard
task-repaired-title = C’est réparé
task-repaired-photo = Photo du travail fait
task-repaired-hint = JPEG, PNG ou WebP, 10 Mo au plus. La photo sera visible par le public sur la page du signalement ; la personne qui l’a signalé est prévenue.
task-repaired-button = Marquer comme réparé
task-error-photo = Ajoutez une photo du travail fait
task-error-report-closed = Le signalement est clôturé autrement. Rouvrez-le d’abord depuis la liste des signalements.
triage-error-duplicate = Indiquez la référence d’un autre signalement de la commune, par exemple BLC-2026-00012.
reopen-title = Le problème n’est pas réglé ?
reopen-label = Ce qui ne va pas
reopen-hint = Par exemple : le trou est revenu. Le signalement sera rouvert et le service prévenu.
reopen-button = Rouvrir le signalement
reopen-error-motif = Dites en quelques mots ce qui ne va pas (5 caractères au moins)
reopen-closed-title = Ce signalement ne peut plus être rouvert
reopen-closed-text = Il est clôturé depuis plus de 60 jours, ou il a été regroupé avec un autre. Faites un nouveau signalement.
reopen-link-text = Ouvrez le lien du dernier e-mail reçu à son sujet, ou faites un nouveau signalement.
reopen-link-title = Seule la personne qui a fait le signalement peut le rouvrir
reopen-by-link = Si c'est vous qui l'avez signalé, ouvrez le lien du dernier e-mail reçu à son sujet : vous pourrez le rouvrir. Sinon, faites un nouveau signalement ou contactez la commune.
follow-confirm-done = C'est noté. Vous recevrez un message à chaque étape.
follow-confirm-button = Oui, je veux suivre ce signalement
follow-confirm-text = Confirmez que vous voulez recevoir un message à chaque étape de ce signalement.
follow-confirm-title = Suivre un signalement par e-mail
history-csv = Télécharger l’historique (CSV)

## Agents: notifications and comments
agent-nav-notices = Notifications
notices-title = Notifications
notices-new = Nouveau :
notices-none = Rien pour l’instant.
notices-read = Tout marquer comme lu
notices-settings = Par e-mail
notices-email-legend = Comment voulez-vous être prévenu par e-mail ?
notices-email-now = Un e-mail à chaque fois
notices-email-digest = Un seul e-mail par jour, le matin
notices-email-never = Pas d’e-mail : seulement ici
notices-error = Choisissez une des possibilités.
notice-assigned = La tâche « { $task } » vous est confiée
notice-mentioned = On vous cite dans la tâche « { $task } »
notice-task_status = Votre tâche « { $task } » a changé d’état
notice-due_soon = La tâche « { $task } » est à faire pour demain
notice-overdue = La tâche « { $task } » est en retard
mail-digest-subject = balise : { $count } notifications
mail-notices-text = Bonjour,

    { $lines }

    Pour choisir comment être prévenu : { $settings }
comments-title = Commentaires
comments-none = Aucun commentaire.
comment-label = Votre commentaire
comment-hint = Pour prévenir une personne de la commune, écrivez @ suivi du début de son adresse e-mail, par exemple @jean.dupont.
comment-button = Ajouter le commentaire
comment-error = Écrivez un commentaire (5000 caractères au plus)

## Agents: projects, checklists, time
agent-nav-projects = Projets
projects-title = Projets – { $commune }
projects-none = Aucun projet pour l’instant.
projects-new = Nouveau projet
projects-name-hint = Par exemple « Réaménagement de la Grand-Place »
projects-create = Créer le projet
project-error-name = Donnez un nom au projet (200 caractères au plus)
project-caption = Projet
project-features = Sur la carte
project-features-hint = Un chantier, une déviation ou un événement rejoint le projet depuis sa fiche (champ « Projet »).
project-no-features = Rien sur la carte pour l’instant.
project-new-task = Nouvelle tâche du projet
project-add-task = Ajouter la tâche
task-project = Projet
task-no-project = Aucun projet
task-checklist = Étapes
task-new-steps = Nouvelles étapes
task-new-steps-hint = Une étape par ligne, par exemple « Poser les panneaux 48 h avant ».
task-minutes-add = Temps à ajouter (minutes)
task-minutes-spent = Déjà passé : { $minutes } minutes.
task-error-nouvelles_etapes = Une étape a au plus 200 caractères, et une tâche au plus 50 étapes
task-error-minutes_ajoutees = Indiquez un nombre de minutes, par exemple 90
task-error-minutes = Indiquez un nombre de minutes, par exemple 90
task-error-projet = Choisissez un projet de la commune
element-project = Projet
tasks-view = Affichage
tasks-view-liste = Liste
tasks-view-colonnes = Colonnes par état
tasks-view-calendrier = Calendrier des échéances
tasks-none-dated = Aucune tâche n’a d’échéance.
rules-up = Monter la règle { $n }
rules-down = Descendre la règle { $n }

## Agents: task templates
templates-title = Modèles de tâches
templates-none = Aucun modèle pour l’instant.
templates-new = Nouveau modèle
templates-add = Ajouter le modèle
template-task-title = Titre des tâches
template-lead = { $days } jours ouvrables avant le début
template-lead-label = Échéance avant le début (jours ouvrables)
template-lead-hint = Pour une tâche liée à un élément de la carte : par exemple 2 pour poser les panneaux 48 h avant une interdiction de stationner.
template-recurrence = Répétition
template-once = Pas de répétition
template-weekly = Chaque { $day }
template-monthly = Le { $n } de chaque mois
template-for-feature = Nouvelle tâche depuis un modèle
template-make = Créer la tâche
task-photos = Photos
task-no-photos = Aucune photo.
task-photo-alt = Photo { $n } de la tâche
task-photo-add-label = Ajouter une photo
task-photo-add-hint = JPEG, PNG ou WebP, 10 Mo au plus, 20 photos par tâche. Seules les personnes de la commune la voient.
task-photo-add = Ajouter la photo
task-error-photos-count = Une tâche garde au plus 20 photos

# Journal (audit of the commune's settings)
agent-nav-journal = Journal
journal-title = Journal des modifications – { $commune }
journal-intro = Qui a créé, modifié ou supprimé les services, les règles d'orientation, les projets et les modèles de tâches, et quand. Les éléments de la carte et les tâches ont leur propre historique sur leur page.
journal-kind = Type
journal-kind-all = Tous les types
journal-one-object = Vous voyez l'historique d'un seul objet.
journal-all = Voir tout le journal
journal-csv = Télécharger le journal (CSV)
journal-caption = { $count ->
    [one] Une modification, la plus récente d'abord
   *[other] { $count } modifications, les plus récentes d'abord
}
journal-when = Date
journal-who = Par
journal-what = Action
journal-object = Objet
journal-details = Détails
journal-none = Aucune modification enregistrée.
audit-kind-service = Service
audit-kind-regle = Règle d'orientation
audit-kind-projet = Projet
audit-kind-modele = Modèle de tâche
audit-kind-compte = Compte
audit-kind-jeton = Jeton d'accès
audit-action-cree = Création
audit-action-renomme = Nouveau nom
audit-action-modifie = Modification
audit-action-supprime = Suppression
audit-action-membre_ajoute = Personne ajoutée
audit-action-membre_retire = Personne retirée
audit-action-deplace = Ordre changé
audit-action-role_donne = Rôle donné
audit-action-role_retire = Rôle retiré
audit-action-revoque = Révocation
audit-field-name = nom
audit-field-email = adresse
audit-field-role = rôle
audit-field-category = catégorie
audit-field-service = service
audit-field-position = place
audit-field-description = description
audit-field-title = titre
audit-field-lead_days = jours ouvrables avant
audit-field-recurrence = répétition
services-history = Historique de « { $name } »
services-edit = Renommer ou supprimer « { $name } »
services-rename-label = Nom du service
services-delete-hint = Un service ne peut être supprimé que s'il n'a plus de règle, de tâche ouverte ni de signalement ouvert.
services-rename = Renommer
services-delete = Supprimer le service
services-error-name-taken = Un autre service de la commune porte déjà ce nom
services-error-stale = Quelqu'un a modifié ce service entre-temps. Voici son nom actuel : recommencez si besoin.
services-error-in-use = Ce service a encore des règles, des tâches ouvertes ou des signalements ouverts. Confiez-les d'abord à un autre service.
services-renamed = Le service a été renommé.
services-deleted = Le service a été supprimé.
rules-history = Historique des règles
project-saved = Le projet a été enregistré.
project-change = Modifier ou supprimer le projet
project-save = Enregistrer le projet
project-delete = Supprimer le projet
project-delete-hint = Un projet ne peut être supprimé que s'il n'a plus de tâche ni d'élément sur la carte.
project-history = Historique du projet
project-deleted = Le projet a été supprimé.
project-error-stale = Quelqu'un a modifié ce projet entre-temps. Voici la version actuelle : recommencez si besoin.
project-error-in-use = Ce projet a encore des tâches ou des éléments sur la carte. Retirez-les d'abord du projet.
project-error-name-taken = Un autre projet de la commune porte déjà ce nom
project-error-description = La description est trop longue (10 000 caractères au plus)

# Documents on tasks
task-documents = Documents
task-no-documents = Aucun document pour l'instant.
task-document-add-label = Joindre un document
task-document-add-hint = Plan, permis, devis… Formats acceptés : { $types }. 10 Mo au plus, 20 documents par tâche. Seules les personnes de la commune les voient.
task-document-add = Joindre le document
task-document-error-size = Le document est trop lourd : { $mb } Mo au plus
task-document-error-none = Choisissez un document à joindre
task-document-error-count = Une tâche garde au plus 20 documents
task-document-error-type = Ce fichier n'est pas un document accepté. Formats acceptés : { $types }
size-kb = { $n } ko
size-mb = { $n } Mo
dashboard-chart-categories = Graphique : signalements ouverts par catégorie et par âge
dashboard-chart-services = Graphique : signalements ouverts par service
dashboard-chart-note = Les mêmes chiffres que dans le tableau ci-dessus.
dashboard-chart-on-time = Dans les délais
tasks-view-carte = Sur la carte
tasks-map-placed = Tâches à leur endroit
tasks-map-at = Sur :
tasks-map-none = Aucune de ces tâches n'est liée à un élément de la carte.
tasks-map-unplaced = Tâches sans endroit
tasks-map-label = Carte des tâches, à l'endroit de leur élément
tasks-map-note = Chaque point est une tâche, à l'endroit de l'élément auquel elle est liée. La liste donne les mêmes tâches.
notices-lang = Langue de vos e-mails
task-worker-note = Le chef des travaux décide de l'équipe, de la personne, de la date et de la priorité. Vous indiquez où en est le travail : l'état, les étapes, le temps passé, des photos et des documents.
task-error-planner-only = Seules les personnes qui planifient le travail peuvent changer le titre, l'équipe, la personne, la date ou la priorité d'une tâche
journal-more = Les { $count } modifications les plus récentes sont affichées ; le fichier CSV les contient toutes.
template-error-name = Donnez un nom au modèle (200 caractères au plus)
template-error-name-taken = Un autre modèle de la commune porte déjà ce nom
template-error-lead = Le délai est un nombre de jours ouvrables, de 0 à 60
template-error-recurrence = Choisissez une répétition dans la liste
template-error-steps = Au plus 50 étapes, de 200 caractères au plus chacune
template-error-title-field = Donnez un titre à la tâche (200 caractères au plus)
template-delete = Supprimer le modèle « { $name } »
templates-history = Historique des modèles
task-document-remove = Retirer « { $name } »
tasks-move-label = État de la tâche « { $task } »
tasks-move = Changer
task-photo-remove = Retirer la photo { $n }
journal-by-token = Jeton d'accès « { $name } »
journal-by-cli = Ligne de commande du serveur
journal-by-balise = balise (tâche automatique)
journal-by-admin-token = Jeton d'administration du serveur
template-change = modifier « { $name } »
template-change-title = Modifier le modèle « { $name } »
template-change-intro = Les tâches déjà faites avec ce modèle restent telles quelles. Une nouvelle répétition commence à partir d'aujourd'hui.
template-history = Historique du modèle
template-back = Retour aux tâches
