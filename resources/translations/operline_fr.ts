<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>DatabaseMessages</name>
    <message>
        <source>{where} is not a valid database URL (expected e.g. sqlite:////path/to/operline.sqlite3 or postgresql://user@host/db).</source>
        <translation>{where} n&apos;est pas une adresse de base de données valide (par exemple sqlite:////chemin/vers/operline.sqlite3 ou postgresql://utilisateur@serveur/base).</translation>
    </message>
    <message>
        <source>The database URL {where} names a database driver that is not installed ({detail}).</source>
        <translation>L&apos;adresse de base de données {where} désigne un pilote de base de données qui n&apos;est pas installé ({detail}).</translation>
    </message>
    <message>
        <source>The folder of the database {where} does not exist.</source>
        <translation>Le dossier de la base de données {where} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>{where} is not an SQLite database; Operline left it untouched.</source>
        <translation>{where} n&apos;est pas une base de données SQLite&#xa0;; Operline n&apos;y a pas touché.</translation>
    </message>
    <message>
        <source>{where} holds another program&apos;s tables, not an Operline database; Operline left it untouched.</source>
        <translation>{where} contient les tables d&apos;un autre programme, pas une base Operline&#xa0;; Operline n&apos;y a pas touché.</translation>
    </message>
    <message>
        <source>The database {where} is damaged ({detail}); restore it from a backup.</source>
        <translation>La base de données {where} est endommagée ({detail})&#xa0;; restaurez-la à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source>The database {where} is locked by another program; close that program and try again.</source>
        <translation>La base de données {where} est verrouillée par un autre programme&#xa0;; fermez ce programme puis réessayez.</translation>
    </message>
    <message>
        <source>Operline cannot write to the database {where}: the file or its folder is read-only.</source>
        <translation>Operline ne peut pas écrire dans la base de données {where}&#xa0;: le fichier ou son dossier est en lecture seule.</translation>
    </message>
    <message>
        <source>The disk holding the database {where} is full; nothing more was saved.</source>
        <translation>Le disque de la base de données {where} est plein&#xa0;; plus rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The database server {where} cannot be reached ({detail}).</source>
        <translation>Le serveur de base de données {where} est injoignable ({detail}).</translation>
    </message>
    <message>
        <source>The database server {where} refused the connection ({detail}).</source>
        <translation>Le serveur de base de données {where} a refusé la connexion ({detail}).</translation>
    </message>
    <message>
        <source>The database {where} was written by a newer version of Operline (schema {detail}); update Operline to open it.</source>
        <translation>La base de données {where} a été écrite par une version plus récente d&apos;Operline (schéma {detail})&#xa0;; mettez Operline à jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>The copy of {where} made before updating it failed ({detail}); the database was not changed.</source>
        <translation>La copie de {where} faite avant sa mise à jour a échoué ({detail})&#xa0;; la base de données n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>The database {where} cannot be used: {detail}.</source>
        <translation>La base de données {where} est inutilisable&#xa0;: {detail}.</translation>
    </message>
</context>
<context>
    <name>DutyBoard</name>
    <message>
        <source>On duty now</source>
        <extracomment>The board reads the roster again this often, for changes made at another desk. The E.164 number of the team a cell shows (or the sector&apos;s first-call team). The name of that team. The board was read again; carries the instant it shows. A sentence for the status bar (what was copied).</extracomment>
        <translation>De garde maintenant</translation>
    </message>
    <message>
        <source>&amp;Copy the team&apos;s phone</source>
        <extracomment>The instant the board was last read for. The handoff the single-shot timer is aimed at, if any.</extracomment>
        <translation>&amp;Copier le numéro de l&apos;équipe</translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation>Situation au {time}</translation>
    </message>
    <message>
        <source>No team in this cell: nothing was copied.</source>
        <translation>Aucune équipe dans cette case&#xa0;: rien n&apos;a été copié.</translation>
    </message>
    <message>
        <source>{team} has no phone number.</source>
        <translation>{team} n&apos;a pas de numéro de téléphone.</translation>
    </message>
    <message>
        <source>Phone of {team} copied: {phone}</source>
        <translation>Numéro de {team} copié&#xa0;: {phone}</translation>
    </message>
    <message>
        <source>Time the board shows</source>
        <translation>Heure de la situation affichée</translation>
    </message>
    <message>
        <source>Arrows: move · {copy}: copy the team&apos;s phone</source>
        <translation>Flèches&#xa0;: se déplacer · {copy}&#xa0;: copier le numéro de l&apos;équipe</translation>
    </message>
    <message>
        <source>Teams on duty by sector</source>
        <translation>Équipes de garde par secteur</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>First call</source>
        <translation>Premier appel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;à</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Renfort</translation>
    </message>
    <message>
        <source>Next handoff</source>
        <translation>Prochaine relève</translation>
    </message>
    <message>
        <source>No team on duty in {sector}</source>
        <translation>Aucune équipe de garde&#xa0;: {sector}</translation>
    </message>
    <message>
        <source>No phone number for {teams}</source>
        <translation>Pas de numéro de téléphone&#xa0;: {teams}</translation>
    </message>
    <message>
        <source>No team on duty</source>
        <translation>Aucune équipe de garde</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>pas de téléphone</translation>
    </message>
    <message>
        <source>{team}, backup until {time}</source>
        <translation>{team}, en renfort jusqu&apos;à {time}</translation>
    </message>
    <message>
        <source>No phone</source>
        <translation>Pas de téléphone</translation>
    </message>
    <message>
        <source>{time} → no team on duty</source>
        <translation>{time} → aucune équipe de garde</translation>
    </message>
    <message>
        <source>{time} → {teams}</source>
        <translation>{time} → {teams}</translation>
    </message>
    <message>
        <source>{time} → backup: {teams}</source>
        <translation>{time} → renfort&#xa0;: {teams}</translation>
    </message>
    <message>
        <source>{time}: end of {teams}</source>
        <translation>{time}&#xa0;: fin de {teams}</translation>
    </message>
    <message>
        <source>No change in the coming weeks</source>
        <translation>Aucun changement dans les semaines à venir</translation>
    </message>
    <message>
        <source>Handoff at {time}</source>
        <translation>Relève le {time}</translation>
    </message>
    <message>
        <source>Coming on duty: {teams}</source>
        <translation>Prennent la garde&#xa0;: {teams}</translation>
    </message>
    <message>
        <source>Going off duty: {teams}</source>
        <translation>Quittent la garde&#xa0;: {teams}</translation>
    </message>
</context>
<context>
    <name>GapBanner</name>
    <message>
        <source>Coverage warning</source>
        <extracomment>How many gaps the banner names; the week view shows the rest. The user asked to see the gaps in the week view.</extracomment>
        <translation>Alerte de couverture</translation>
    </message>
    <message>
        <source>See the week ({key})</source>
        <translation>Voir la semaine ({key})</translation>
    </message>
    <message>
        <source>See the week</source>
        <translation>Voir la semaine</translation>
    </message>
    <message numerus="yes">
        <source>and %n more in the week view</source>
        <translation>
            <numerusform>et %n autre dans la vue de la semaine</numerusform>
            <numerusform>et %n autres dans la vue de la semaine</numerusform>
        </translation>
    </message>
    <message>
        <source>{sector}: no team on duty {period}</source>
        <translation>{sector}&#xa0;: aucune équipe de garde {period}</translation>
    </message>
    <message>
        <source>{sector}: a team on duty has no phone {period}</source>
        <translation>{sector}&#xa0;: une équipe de garde sans téléphone {period}</translation>
    </message>
    <message>
        <source>now, until {end}</source>
        <translation>en ce moment, jusqu&apos;à {end}</translation>
    </message>
    <message>
        <source>from {start} to {end} {day}</source>
        <translation>de {start} à {end} {day}</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>de {start} à {end}</translation>
    </message>
    <message>
        <source>tonight</source>
        <translation>cette nuit</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>demain</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>demain {time}</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>Time</source>
        <extracomment>Rows read in one query when the view reaches a row not yet read. Rows kept in memory; the oldest pages read are dropped first. The incident id of a row, for screens that open the incident. A page of rows could not be read; carries the sentence to show.</extracomment>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>Journal of a day</source>
        <extracomment>The day now shown (a Paris calendar day).</extracomment>
        <translation>Journal de la journée</translation>
    </message>
    <message>
        <source>&amp;Previous day</source>
        <translation>Jour &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Next day</source>
        <translation>Jour &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>&amp;Go to a date…</source>
        <translation>Aller à une &amp;date…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n appel</numerusform>
            <numerusform>%n appels</numerusform>
        </translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Jour affiché</translation>
    </message>
    <message>
        <source>Number of calls that day</source>
        <translation>Nombre d&apos;appels ce jour-là</translation>
    </message>
    <message>
        <source>Calls of the day, newest first</source>
        <translation>Appels du jour, du plus récent au plus ancien</translation>
    </message>
    <message>
        <source>No calls that day</source>
        <translation>Aucun appel ce jour-là</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Person in distress / unwell</source>
        <translation>Personne en détresse / malaise</translation>
    </message>
    <message>
        <source>Orientation / shelter request</source>
        <translation>Demande d&apos;orientation / mise à l&apos;abri</translation>
    </message>
    <message>
        <source>Mediation (occupation of public space)</source>
        <translation>Médiation (occupation de l&apos;espace public)</translation>
    </message>
    <message>
        <source>Woman / pregnant woman</source>
        <translation>Femme / femme enceinte</translation>
    </message>
    <message>
        <source>Presumed minor</source>
        <translation>Mineur présumé</translation>
    </message>
    <message>
        <source>Care need</source>
        <translation>Besoin de soins</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Team contacted</source>
        <translation>Équipe contactée</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Pris en compte</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>Taken in charge by the team</source>
        <translation>Prise en charge par l&apos;équipe</translation>
    </message>
    <message>
        <source>Oriented to a facility</source>
        <translation>Orientation vers une structure</translation>
    </message>
    <message>
        <source>Refused by the person</source>
        <translation>Refus de la personne</translation>
    </message>
    <message>
        <source>Person not found</source>
        <translation>Personne non trouvée</translation>
    </message>
    <message>
        <source>Cancelled by the crew</source>
        <translation>Annulé par l&apos;équipage</translation>
    </message>
    <message>
        <source>No follow-up</source>
        <translation>Sans suite</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The backup of {where} failed ({detail}); no copy was written.</source>
        <translation>La sauvegarde de {where} a échoué ({detail})&#xa0;; aucune copie n&apos;a été écrite.</translation>
    </message>
    <message>
        <source>Operline</source>
        <translation>Operline</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Écrans</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>De garde</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Base de données&#xa0;: {name}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Sauvegarder la base de données…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;On duty now</source>
        <translation>&amp;De garde maintenant</translation>
    </message>
    <message>
        <source>The &amp;week</source>
        <translation>La &amp;semaine</translation>
    </message>
    <message>
        <source>The &amp;journal</source>
        <translation>Le &amp;journal</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Operline</source>
        <translation>À &amp;propos d&apos;Operline</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sauvegarder la base de données</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name for the backup.</source>
        <translation>{path} existe déjà&#xa0;; choisissez un nouveau nom de fichier pour la sauvegarde.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>Le dossier {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation>Sauvegarde écrite dans {path}.</translation>
    </message>
    <message>
        <source>Backup not written</source>
        <translation>Sauvegarde non écrite</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Bases de données SQLite (*.sqlite3 *.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>PostgreSQL dumps (*.dump);;All files (*)</source>
        <translation>Sauvegardes PostgreSQL (*.dump);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Operline {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The desk tool of Paris&apos;s single operational line: log police calls, route them to the field association team on duty, follow them to an outcome.&lt;/p&gt;&lt;p&gt;Database in use: {name}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Operline {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;L&apos;outil du plateau du numéro opérationnel unique de Paris&#xa0;: enregistrer les appels des équipages de police, les transmettre à l&apos;équipe associative de permanence, les suivre jusqu&apos;à leur issue.&lt;/p&gt;&lt;p&gt;Base de données utilisée&#xa0;: {name}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Operline</source>
        <translation>À propos d&apos;Operline</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Journal: previous day</source>
        <extracomment>English source text, translated when shown.</extracomment>
        <translation>Journal&#xa0;: jour précédent</translation>
    </message>
    <message>
        <source>Journal: next day</source>
        <translation>Journal&#xa0;: jour suivant</translation>
    </message>
    <message>
        <source>Journal: back to today</source>
        <translation>Journal&#xa0;: revenir à aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Journal: type a date</source>
        <translation>Journal&#xa0;: saisir une date</translation>
    </message>
    <message>
        <source>Journal: reload the day</source>
        <translation>Journal&#xa0;: recharger la journée</translation>
    </message>
    <message>
        <source>Show who is on duty now</source>
        <translation>Afficher les équipes de garde maintenant</translation>
    </message>
    <message>
        <source>Show the coverage of the week</source>
        <translation>Afficher la couverture de la semaine</translation>
    </message>
    <message>
        <source>Show the journal of a day</source>
        <translation>Afficher le journal d&apos;une journée</translation>
    </message>
    <message>
        <source>On duty: copy the selected team&apos;s phone</source>
        <translation>De garde&#xa0;: copier le numéro de l&apos;équipe choisie</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Lister les raccourcis clavier</translation>
    </message>
    <message>
        <source>Quit Operline</source>
        <translation>Quitter Operline</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>WeekChart</name>
    <message>
        <source>Coverage of the coming days</source>
        <extracomment>The teams named in the band.</extracomment>
        <translation>Couverture des jours à venir</translation>
    </message>
    <message>
        <source>{day} ({hours} h)</source>
        <extracomment>The row and the hour the keyboard cursor is on.</extracomment>
        <translation>{day} ({hours} h)</translation>
    </message>
    <message>
        <source>No team on duty</source>
        <translation>Aucune équipe de garde</translation>
    </message>
    <message numerus="yes">
        <source>%n team(s)</source>
        <translation>
            <numerusform>%n équipe</numerusform>
            <numerusform>%n équipes</numerusform>
        </translation>
    </message>
    <message>
        <source>First call</source>
        <translation>Premier appel</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Renfort</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>pas de téléphone</translation>
    </message>
    <message>
        <source>{role}: {team}, {phone}, {hours}</source>
        <translation>{role}&#xa0;: {team}, {phone}, {hours}</translation>
    </message>
    <message>
        <source>A team on duty has no phone</source>
        <translation>Une équipe de garde n&apos;a pas de téléphone</translation>
    </message>
    <message>
        <source>{what}: {hours}</source>
        <translation>{what}&#xa0;: {hours}</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Coverage of the week</source>
        <translation>Couverture de la semaine</translation>
    </message>
    <message>
        <source>Coverage of the next 7 days</source>
        <translation>Couverture des 7 prochains jours</translation>
    </message>
    <message>
        <source>Details under the cursor</source>
        <translation>Détail sous le curseur</translation>
    </message>
    <message>
        <source>first-call team</source>
        <translation>équipe de premier appel</translation>
    </message>
    <message>
        <source>backup only</source>
        <translation>renfort seulement</translation>
    </message>
    <message>
        <source>no team on duty</source>
        <translation>aucune équipe de garde</translation>
    </message>
    <message>
        <source>team without a phone</source>
        <translation>équipe sans téléphone</translation>
    </message>
    <message>
        <source>← → hour, ↑ ↓ sector, PgUp PgDn day, Home now</source>
        <translation>← → heure, ↑ ↓ secteur, Pg↑ Pg↓ jour, Origine maintenant</translation>
    </message>
</context>
</TS>
