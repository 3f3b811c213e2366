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
</TS>
