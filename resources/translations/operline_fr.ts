<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AdministratorPage</name>
    <message>
        <source>Welcome to Operline</source>
        <translation>Bienvenue dans Operline</translation>
    </message>
    <message>
        <source>This desk is new: nobody works at it yet. Create its first administrator, who will then add the desk&apos;s people. There is no default password.</source>
        <translation>Ce poste est neuf&#xa0;: personne n’y travaille encore. Créez son premier administrateur, qui ajoutera ensuite les personnes du poste. Il n’existe aucun mot de passe par défaut.</translation>
    </message>
    <message>
        <source>Create and &amp;continue</source>
        <translation>Créer et &amp;continuer</translation>
    </message>
    <message>
        <source>Login of the first administrator</source>
        <translation>Identifiant du premier administrateur</translation>
    </message>
    <message>
        <source>Your name, as the desk will know you</source>
        <translation>Votre nom, tel que le poste vous connaîtra</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Mot de passe à nouveau</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>À &amp;nouveau</translation>
    </message>
    <message>
        <source>At least {shortest} characters ({length} typed)</source>
        <translation>Au moins {shortest} caractères ({length} tapés)</translation>
    </message>
    <message>
        <source>Not one of the most common passwords (a few unrelated words do well)</source>
        <translation>Pas un des mots de passe les plus courants (quelques mots sans rapport font l’affaire)</translation>
    </message>
    <message>
        <source>The same password typed twice</source>
        <translation>Le même mot de passe tapé deux fois</translation>
    </message>
    <message>
        <source>Password rules: </source>
        <translation>Règles du mot de passe&#xa0;: </translation>
    </message>
    <message>
        <source>Type the login: the administrator&apos;s name, as the desk knows it.</source>
        <translation>Tapez l’identifiant&#xa0;: le nom de l’administrateur, tel que le poste le connaît.</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;: tapez deux fois le même.</translation>
    </message>
</context>
<context>
    <name>AlertWatch</name>
    <message>
        <source>Operline: no team has answered</source>
        <extracomment>Where a screen reader hears the words told: a colour alone says nothing to it. The words last told, in order, as a screen reader was given them.</extracomment>
        <translation>Operline&#xa0;: aucune équipe n&apos;a répondu</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) have waited twice the time allowed: {references}.</source>
        <translation>
            <numerusform>%n appel a attendu le double du temps prévu&#xa0;: {references}.</numerusform>
            <numerusform>%n appels ont attendu le double du temps prévu&#xa0;: {references}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{reference} ({sector}) has waited {age}: call the next team.</source>
        <translation>{reference} ({sector}) attend depuis {age}&#xa0;: appelez l&apos;équipe suivante.</translation>
    </message>
    <message>
        <source>Operline: a call waits</source>
        <translation>Operline&#xa0;: un appel attend</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) wait for a team&apos;s acknowledgement: {references}.</source>
        <translation>
            <numerusform>%n appel attend la prise en compte d&apos;une équipe&#xa0;: {references}.</numerusform>
            <numerusform>%n appels attendent la prise en compte d&apos;une équipe&#xa0;: {references}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{reference} ({sector}) waits for a team&apos;s acknowledgement ({age}).</source>
        <translation>{reference} ({sector}) attend la prise en compte d&apos;une équipe ({age}).</translation>
    </message>
</context>
<context>
    <name>AuditMessages</name>
    <message>
        <source>Audit entry {id} was altered: its fields no longer match its hash.</source>
        <extracomment>Where a chain starts before retention has removed anything. Entries read per query by the walk. The canonical encoding&apos;s encoder: compact JSON, non-ASCII kept as UTF-8. The hash of the last entry checked (the anchor&apos;s when there is none). The last entry retention removed, when it removed any. One sentence naming the first entry found altered, removed or inserted.</extracomment>
        <translation>L’entrée d’audit {id} a été modifiée&#xa0;: ses champs ne correspondent plus à son empreinte.</translation>
    </message>
    <message>
        <source>Audit entry {id} was altered: its details no longer match their digest.</source>
        <translation>L’entrée d’audit {id} a été modifiée&#xa0;: ses détails ne correspondent plus à leur empreinte.</translation>
    </message>
    <message>
        <source>Audit entry {id} was altered: its details were removed without the mark of an erasure.</source>
        <translation>L’entrée d’audit {id} a été modifiée&#xa0;: ses détails ont été retirés sans la marque d’un effacement.</translation>
    </message>
    <message>
        <source>Audit entry {id} was inserted: the entry after it follows the one before it.</source>
        <translation>L’entrée d’audit {id} a été insérée&#xa0;: l’entrée qui la suit suit celle qui la précède.</translation>
    </message>
    <message>
        <source>An audit entry was removed before entry {id}: it does not follow entry {previous}.</source>
        <translation>Une entrée d’audit a été supprimée avant l’entrée {id}&#xa0;: celle-ci ne suit pas l’entrée {previous}.</translation>
    </message>
    <message>
        <source>An audit entry was removed before entry {id}: it does not follow the start of the chain.</source>
        <translation>Une entrée d’audit a été supprimée avant l’entrée {id}&#xa0;: celle-ci ne suit pas le début de la chaîne.</translation>
    </message>
    <message>
        <source>Audit entry {id} was inserted: the chain starts after entry {anchor}, the last one retention removed.</source>
        <translation>L’entrée d’audit {id} a été insérée&#xa0;: la chaîne commence après l’entrée {anchor}, la dernière supprimée par la durée de conservation.</translation>
    </message>
    <message>
        <source>The last audit entries were removed: the chain ends at entry {id}, but entry {last} was written last.</source>
        <translation>Les dernières entrées d’audit ont été supprimées&#xa0;: la chaîne s’arrête à l’entrée {id}, mais l’entrée {last} a été écrite en dernier.</translation>
    </message>
    <message>
        <source>Every audit entry was removed: entry {last} was written last.</source>
        <translation>Toutes les entrées d’audit ont été supprimées&#xa0;: l’entrée {last} a été écrite en dernier.</translation>
    </message>
    <message>
        <source>Audit entry {id} was inserted: entry {last} was the last one Operline wrote.</source>
        <translation>L’entrée d’audit {id} a été insérée&#xa0;: l’entrée {last} est la dernière qu’Operline a écrite.</translation>
    </message>
    <message>
        <source>Audit entry {id} was altered: the last entry&apos;s hash is not the one Operline wrote.</source>
        <translation>L’entrée d’audit {id} a été modifiée&#xa0;: l’empreinte de la dernière entrée n’est pas celle qu’Operline a écrite.</translation>
    </message>
    <message>
        <source>The audit chain&apos;s head was removed: its start and end are unknown.</source>
        <translation>La tête de la chaîne d’audit a été supprimée&#xa0;: son début et sa fin sont inconnus.</translation>
    </message>
    <message>
        <source>The period ends on {last}, before it starts on {first}.</source>
        <extracomment>The columns that hold text from outside (the others are numbers, instants and hashes).</extracomment>
        <translation>La période se termine le {last}, avant de commencer le {first}.</translation>
    </message>
</context>
<context>
    <name>CallImport</name>
    <message>
        <source>line {line}: {reason}</source>
        <translation>ligne {line}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {reason}</source>
        <translation>ligne {line}, colonne {column}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor Windows-1252 text (byte {byte})</source>
        <extracomment>The columns the header must hold. The fields as the file gave them, for the rejected file. Records whose number of fields is not the header&apos;s, with their problem.</extracomment>
        <translation>le fichier n&apos;est un texte ni en UTF-8 ni en Windows-1252 (octet {byte})</translation>
    </message>
    <message>
        <source>the header row is missing ({columns})</source>
        <translation>la ligne d&apos;en-tête manque ({columns})</translation>
    </message>
    <message>
        <source>{count} fields, expected {expected}</source>
        <translation>{count} champs, {expected} attendus</translation>
    </message>
    <message>
        <source>the file cannot be read as CSV ({detail})</source>
        <translation>le fichier ne se lit pas en CSV ({detail})</translation>
    </message>
    <message>
        <source>column {position} of the header has no name</source>
        <translation>la colonne {position} de l&apos;en-tête n&apos;a pas de nom</translation>
    </message>
    <message>
        <source>given twice in the header</source>
        <translation>donnée deux fois dans l&apos;en-tête</translation>
    </message>
    <message>
        <source>not a column of the call log (columns: {columns})</source>
        <translation>n&apos;est pas une colonne du journal des appels (colonnes&#xa0;: {columns})</translation>
    </message>
    <message>
        <source>missing from the header</source>
        <translation>absente de l&apos;en-tête</translation>
    </message>
    <message>
        <source>column {column}: {reason}</source>
        <translation>colonne {column}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>character {position} is an invisible control character ({character})</source>
        <translation>le caractère {position} est un caractère de contrôle invisible ({character})</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>plus de {limit} caractères</translation>
    </message>
    <message>
        <source>{text} is no sector of the desk</source>
        <translation>{text} n&apos;est pas un secteur du plateau</translation>
    </message>
    <message>
        <source>{text} is no team of the desk</source>
        <translation>{text} n&apos;est pas une équipe du plateau</translation>
    </message>
    <message>
        <source>{text} is no place of the desk</source>
        <translation>{text} n&apos;est pas une structure du plateau</translation>
    </message>
    <message>
        <source>{text} is not one of: {codes}</source>
        <translation>{text} n&apos;est pas l&apos;un de&#xa0;: {codes}</translation>
    </message>
    <message>
        <source>{text} is not a whole number from 1 to 50</source>
        <translation>{text} n&apos;est pas un nombre entier de 1 à 50</translation>
    </message>
    <message>
        <source>{text} is in the future</source>
        <translation>{text} est dans le futur</translation>
    </message>
    <message>
        <source>{text} is before {column} ({previous})</source>
        <translation>{text} est avant {column} ({previous})</translation>
    </message>
    <message>
        <source>an outcome needs closed_at</source>
        <translation>une issue demande closed_at</translation>
    </message>
    <message>
        <source>required when closed_at is given</source>
        <translation>obligatoire quand closed_at est donné</translation>
    </message>
    <message>
        <source>required when the outcome is oriented</source>
        <translation>obligatoire quand l&apos;issue est oriented (orientation)</translation>
    </message>
    <message>
        <source>only an orientation names a place</source>
        <translation>seule une orientation nomme une structure</translation>
    </message>
    <message>
        <source>required when {column} is given</source>
        <translation>obligatoire quand {column} est donné</translation>
    </message>
    <message>
        <source>the same call as line {first}</source>
        <translation>le même appel qu&apos;à la ligne {first}</translation>
    </message>
    <message>
        <source>{local} happens twice in Paris (the clocks go back that night): read as the first, {instant}</source>
        <translation>{local} arrive deux fois à Paris (on recule l&apos;heure cette nuit-là)&#xa0;: lu comme la première, {instant}</translation>
    </message>
    <message>
        <source>{text} is out of the years Operline handles ({first} to {last})</source>
        <translation>{text} est hors des années que gère Operline ({first} à {last})</translation>
    </message>
    <message>
        <source>{text} is not a date and time (expected e.g. 23/11/2024 14:05 or 2024-11-23T14:05, Paris time, or with an offset: 2024-11-23T14:05+01:00)</source>
        <translation>{text} n&apos;est pas une date et une heure (par exemple 23/11/2024 14:05 ou 2024-11-23T14:05, heure de Paris, ou avec un décalage&#xa0;: 2024-11-23T14:05+01:00)</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Save as PNG…</source>
        <extracomment>A sentence for the status line: where the picture was saved, or why not. What is shown instead of the chart when there is nothing to draw.</extracomment>
        <translation>Enregistrer en PNG…</translation>
    </message>
    <message>
        <source>Chart saved in {path}.</source>
        <translation>Graphique enregistré dans {path}.</translation>
    </message>
    <message>
        <source>The chart could not be written to {path}: check the folder.</source>
        <translation>Le graphique n&apos;a pas pu être écrit dans {path}&#xa0;: vérifiez le dossier.</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the call</source>
        <translation>Clore l&apos;appel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Place the person was oriented to</source>
        <translation>Lieu vers lequel la personne a été orientée</translation>
    </message>
    <message>
        <source>&amp;Outcome (1–6)</source>
        <translation>&amp;Issue (1–6)</translation>
    </message>
    <message>
        <source>&amp;Place (1–{last})</source>
        <translation>&amp;Lieu (1–{last})</translation>
    </message>
    <message>
        <source>Choose the outcome (keys 1 to 6).</source>
        <translation>Choisissez l&apos;issue (touches 1 à 6).</translation>
    </message>
    <message>
        <source>Choose the place the person was oriented to.</source>
        <translation>Choisissez le lieu vers lequel la personne a été orientée.</translation>
    </message>
    <message>
        <source>room not known tonight</source>
        <translation>disponibilité inconnue ce soir</translation>
    </message>
    <message>
        <source>full</source>
        <translation>complet</translation>
    </message>
    <message>
        <source>{free} free of {capacity}</source>
        <translation>places libres&#xa0;: {free} sur {capacity}</translation>
    </message>
    <message>
        <source>{free} free</source>
        <translation>places libres&#xa0;: {free}</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>{database}: already at schema {revision}</source>
        <translation>{database}&#xa0;: déjà au schéma {revision}</translation>
    </message>
    <message>
        <source>{database}: schema {old} → {revision}</source>
        <translation>{database}&#xa0;: schéma {old} → {revision}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>copy of the previous database: {path}</source>
        <translation>copie de la base précédente&#xa0;: {path}</translation>
    </message>
    <message>
        <source>{database}: OK, {incidents} incidents checked</source>
        <translation>{database}&#xa0;: OK, {incidents} appels vérifiés</translation>
    </message>
    <message>
        <source>{database}: {count} problem(s) found</source>
        <translation>{database}&#xa0;: {count} problème(s) trouvé(s)</translation>
    </message>
    <message>
        <source>{database}: copied to {path}</source>
        <translation>{database}&#xa0;: copiée dans {path}</translation>
    </message>
    <message>
        <source>{database}: restored from {backup} ({incidents} calls)</source>
        <translation>{database}&#xa0;: restaurée depuis {backup} ({incidents} appels)</translation>
    </message>
    <message>
        <source>the database it replaced is kept as {path}</source>
        <translation>la base qu&apos;elle remplace est gardée sous le nom {path}</translation>
    </message>
    <message>
        <source>{option}: the folder {folder} does not exist</source>
        <translation>{option}&#xa0;: le dossier {folder} n&apos;existe pas</translation>
    </message>
    <message>
        <source>{path}: {pages} page(s)</source>
        <translation>{path}&#xa0;: {pages} page(s)</translation>
    </message>
    <message>
        <source>{path}: the PDF could not be written</source>
        <translation>{path}&#xa0;: le PDF n&apos;a pas pu être écrit</translation>
    </message>
    <message>
        <source>signed off by {who} on {when}</source>
        <translation>signé par {who} le {when}</translation>
    </message>
    <message>
        <source>not signed off</source>
        <translation>non signé</translation>
    </message>
    <message>
        <source>{signed}, corrected since ({count})</source>
        <translation>{signed}, corrigé depuis ({count})</translation>
    </message>
    <message>
        <source>{day}: {calls} calls, {hours} hours, {signed}</source>
        <translation>{day}&#xa0;: {calls} appels, {hours} heures, {signed}</translation>
    </message>
    <message>
        <source>{database}: {sectors} sectors, {teams} teams, {places} places, {patterns} shift patterns, {incidents} incidents ({open} still open)</source>
        <extracomment>The in-use marks the running command holds on its SQLite databases, so that a restore waits for it as it waits for a window; released when the command ends.</extracomment>
        <translation>{database}&#xa0;: {sectors} secteurs, {teams} équipes, {places} lieux, {patterns} créneaux hebdomadaires, {incidents} appels ({open} encore ouverts)</translation>
    </message>
    <message>
        <source>A demo database has no secret: its accounts (login;role;password) are shown at its sign-in too.</source>
        <translation>Une base de démonstration n&apos;a pas de secret&#xa0;: ses comptes (identifiant;rôle;mot de passe) sont aussi affichés à sa connexion.</translation>
    </message>
    <message>
        <source>operline: {sentence}</source>
        <extracomment>French typography puts a space before the colon: the catalogue says it.</extracomment>
        <translation>operline : {sentence}</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <extracomment>A file a command cannot read or write, and what the system said of it.</extracomment>
        <translation>{path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{option}: {reason}</source>
        <extracomment>The gap report looks at most a year ahead: the roster is planned weeks ahead.</extracomment>
        <translation>{option}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path}: {patterns} shift patterns imported; {teams_created} new teams, {teams_updated} updated, {sectors_created} new sectors; {shifts} new or changed, {ended} ended</source>
        <translation>{path}&#xa0;: {patterns} créneaux hebdomadaires importés&#xa0;; {teams_created} nouvelles équipes, {teams_updated} mises à jour, {sectors_created} nouveaux secteurs&#xa0;; {shifts} nouveaux ou modifiés, {ended} terminés</translation>
    </message>
    <message>
        <source>1 shift</source>
        <translation>1 créneau</translation>
    </message>
    <message>
        <source>{count} shifts</source>
        <translation>{count} créneaux</translation>
    </message>
    <message>
        <source>--days: {days} is not between 1 and {most}</source>
        <translation>--days&#xa0;: {days} n&apos;est pas entre 1 et {most}</translation>
    </message>
    <message>
        <source>{path}: warning: {reason}</source>
        <extracomment>A row had a problem, or the file could not be read: nothing was imported.</extracomment>
        <translation>{path}&#xa0;: attention&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path}: calls imported: {imported}, already imported: {skipped}, rejected: {rejected}</source>
        <translation>{path}&#xa0;: appels importés&#xa0;: {imported}, déjà importés&#xa0;: {skipped}, rejetés&#xa0;: {rejected}</translation>
    </message>
    <message>
        <source>{path}: nothing imported; rows with a problem: {rejected} (fix them, or import the others with --skip-invalid)</source>
        <translation>{path}&#xa0;: rien n&apos;a été importé&#xa0;; lignes avec un problème&#xa0;: {rejected} (corrigez-les, ou importez les autres avec --skip-invalid)</translation>
    </message>
    <message>
        <source>{path}: dry run, nothing changed; calls to import: {imported}, already imported: {skipped}, rows with a problem: {rejected}</source>
        <translation>{path}&#xa0;: essai à blanc, rien n&apos;a changé&#xa0;; appels à importer&#xa0;: {imported}, déjà importés&#xa0;: {skipped}, lignes avec un problème&#xa0;: {rejected}</translation>
    </message>
    <message>
        <source>{path}: the rejected rows, with their reason</source>
        <translation>{path}&#xa0;: les lignes rejetées, avec leur motif</translation>
    </message>
    <message>
        <source>Dry run: nothing was erased. It would erase:</source>
        <translation>Essai à blanc&#xa0;: rien n&apos;a été effacé. Seraient effacés&#xa0;:</translation>
    </message>
    <message>
        <source>Erased:</source>
        <translation>Effacés&#xa0;:</translation>
    </message>
    <message>
        <source>notes of {count} call(s) closed before {when}</source>
        <translation>notes de {count} appel(s) clos avant le {when}</translation>
    </message>
    <message>
        <source>free text of {count} timeline line(s)</source>
        <translation>texte libre de {count} ligne(s) d&apos;historique</translation>
    </message>
    <message>
        <source>{count} call(s) received before {when} anonymised</source>
        <translation>{count} appel(s) reçu(s) avant le {when} anonymisé(s)</translation>
    </message>
    <message>
        <source>{count} draft(s) of unsaved calls on this computer</source>
        <translation>{count} brouillon(s) d&apos;appels non enregistrés sur cet ordinateur</translation>
    </message>
    <message>
        <source>{count} copy(ies) taken before an upgrade, purged alike</source>
        <translation>{count} copie(s) faite(s) avant une mise à jour, purgée(s) de même</translation>
    </message>
    <message>
        <source>{count} automatic backup(s) and file(s) kept aside by a restore, purged alike</source>
        <translation>{count} sauvegarde(s) automatique(s) et fichier(s) mis de côté par une restauration, purgés de même</translation>
    </message>
    <message>
        <source>{count} copy(ies) of the database could not be opened to be purged: delete them by hand once older than the notes&apos; retention</source>
        <translation>{count} copie(s) de la base n&apos;ont pas pu être ouvertes pour être purgées&#xa0;: supprimez-les à la main une fois passée la durée de conservation des notes</translation>
    </message>
    <message>
        <source>{count} note(s) left at a change of shift</source>
        <translation>{count} consigne(s) laissée(s) à une relève</translation>
    </message>
    <message>
        <source>old and new values of {count} correction(s) in the audit trail</source>
        <translation>anciennes et nouvelles valeurs de {count} correction(s) dans le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Another desk is reading the database: its write-ahead log will be emptied at the next purge.</source>
        <translation>Un autre poste lit la base&#xa0;: son journal d&apos;écriture anticipée sera vidé à la prochaine purge.</translation>
    </message>
    <message>
        <source>{database}: the audit chain is intact from entry {first} to entry {last} ({entries} in all), head hash {hash}.</source>
        <translation>{database}&#xa0;: la chaîne d’audit est intacte de l’entrée {first} à l’entrée {last} ({entries} en tout), empreinte de tête {hash}.</translation>
    </message>
    <message>
        <source>{database}: the audit chain is intact and holds no entry yet.</source>
        <translation>{database}&#xa0;: la chaîne d’audit est intacte et ne contient encore aucune entrée.</translation>
    </message>
    <message>
        <source>{path}: {rows} audit entries, sha256 {sha256}</source>
        <translation>{path}&#xa0;: {rows} entrées d’audit, sha256 {sha256}</translation>
    </message>
    <message>
        <source>{database}: {count} audit entries older than {months} months removed (before {cutoff}).</source>
        <translation>{database}&#xa0;: {count} entrées d’audit de plus de {months} mois supprimées (avant le {cutoff}).</translation>
    </message>
    <message>
        <source>{database}: {count} audit entries older than {months} months would be removed (before {cutoff}); nothing was changed.</source>
        <translation>{database}&#xa0;: {count} entrées d’audit de plus de {months} mois seraient supprimées (avant le {cutoff})&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>{name}: password changed.</source>
        <translation>{name}&#xa0;: mot de passe changé.</translation>
    </message>
    <message>
        <source>New password for {name}: </source>
        <translation>Nouveau mot de passe de {name}&#xa0;: </translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>Le même mot de passe, à nouveau&#xa0;: </translation>
    </message>
    <message>
        <source>The two passwords differ: nothing was changed. Try again.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;: rien n&apos;a été changé. Recommencez.</translation>
    </message>
    <message>
        <source>{name}: unlocked.</source>
        <translation>{name}&#xa0;: déverrouillé.</translation>
    </message>
    <message>
        <source>{name} was not locked.</source>
        <translation>{name} n&apos;était pas verrouillé.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Your entry</source>
        <translation>Votre saisie</translation>
    </message>
    <message>
        <source>{field} (differs)</source>
        <extracomment>A field whose two versions differ, said in words as well as in bold.</extracomment>
        <translation>{field} (diffère)</translation>
    </message>
    <message>
        <source>{reference} was changed at another desk meanwhile: the call now and your entry are shown side by side.</source>
        <translation>{reference} a été modifié à un autre poste entre-temps&#xa0;: l&apos;appel actuel et votre saisie sont affichés côte à côte.</translation>
    </message>
    <message>
        <source>Call changed at another desk</source>
        <translation>Appel modifié à un autre poste</translation>
    </message>
    <message>
        <source>Your entry was not saved; it stays in the call&apos;s timeline. Rows in bold, marked “differs”, are those where the two versions differ.</source>
        <translation>Votre saisie n&apos;a pas été enregistrée&#xa0;; elle reste dans l&apos;historique de l&apos;appel. Les lignes en gras, marquées «&#xa0;diffère&#xa0;», sont celles où les deux versions diffèrent.</translation>
    </message>
    <message>
        <source>The call now, beside your entry, field by field</source>
        <translation>L&apos;appel maintenant, à côté de votre saisie, champ par champ</translation>
    </message>
    <message>
        <source>Keep the current version</source>
        <translation>Garder la version actuelle</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Apply my entry</source>
        <translation>Appliquer ma saisie</translation>
    </message>
    <message>
        <source>Escape: keep the current version</source>
        <translation>Échap&#xa0;: garder la version actuelle</translation>
    </message>
    <message>
        <source>Escape: keep the current version · {apply}: apply my entry</source>
        <translation>Échap&#xa0;: garder la version actuelle · {apply}&#xa0;: appliquer ma saisie</translation>
    </message>
    <message>
        <source>{who} changed {reference} at another desk at {time}, before your entry was saved.</source>
        <translation>{who} a modifié {reference} à un autre poste à {time}, avant l&apos;enregistrement de votre saisie.</translation>
    </message>
    <message>
        <source>{reference} was changed at another desk before your entry was saved.</source>
        <translation>{reference} a été modifié à un autre poste avant l&apos;enregistrement de votre saisie.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Time received</source>
        <translation>Heure de réception</translation>
    </message>
    <message>
        <source>Time the team was contacted</source>
        <translation>Heure de contact de l&apos;équipe</translation>
    </message>
    <message>
        <source>Time acknowledged</source>
        <translation>Heure de prise en compte</translation>
    </message>
    <message>
        <source>Time on scene</source>
        <translation>Heure d&apos;arrivée sur place</translation>
    </message>
    <message>
        <source>Time closed</source>
        <translation>Heure de clôture</translation>
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
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Calling crew</source>
        <translation>Équipage appelant</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Correct {reference}</source>
        <translation>Corriger {reference}</translation>
    </message>
    <message>
        <source>Field to correct</source>
        <translation>Champ à corriger</translation>
    </message>
    <message>
        <source>New time (Paris)</source>
        <translation>Nouvelle heure (Paris)</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Place oriented to</source>
        <translation>Lieu d&apos;orientation</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Why the value recorded was wrong (required)</source>
        <translation>Pourquoi la valeur enregistrée était fausse (obligatoire)</translation>
    </message>
    <message>
        <source>The value recorded stays in the call&apos;s timeline; the correction is added to it with your name and the reason.</source>
        <translation>La valeur enregistrée reste dans l&apos;historique de l&apos;appel&#xa0;; la correction s&apos;y ajoute, avec votre nom et le motif.</translation>
    </message>
    <message>
        <source>&amp;Field</source>
        <translation>&amp;Champ</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>&amp;New value</source>
        <translation>&amp;Nouvelle valeur</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lieu d&apos;orientation</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Record the correction</source>
        <translation>Enregistrer la correction</translation>
    </message>
    <message>
        <source>This day is signed off: the correction will be flagged in its log.</source>
        <translation>Ce jour est signé&#xa0;: la correction sera signalée dans son journal.</translation>
    </message>
    <message>
        <source>{time} does not exist in Paris: the clocks jump forward that night.</source>
        <translation>{time} n&apos;existe pas à Paris&#xa0;: on avance l&apos;heure cette nuit-là.</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <source>{what} ({count})</source>
        <translation>{what} ({count})</translation>
    </message>
    <message>
        <source>storage damaged: {finding}</source>
        <translation>stockage endommagé&#xa0;: {finding}</translation>
    </message>
    <message>
        <source>incidents whose stages are out of order</source>
        <translation>appels dont les étapes sont dans le désordre</translation>
    </message>
    <message>
        <source>incidents whose stage has no time</source>
        <translation>appels dont l&apos;étape n&apos;a pas d&apos;heure</translation>
    </message>
    <message>
        <source>incidents received in the future</source>
        <translation>appels reçus dans le futur</translation>
    </message>
    <message>
        <source>incidents routed without a team</source>
        <translation>appels orientés sans équipe</translation>
    </message>
    <message>
        <source>incidents without a timeline</source>
        <translation>appels sans historique</translation>
    </message>
    <message>
        <source>year counters behind the references already given</source>
        <translation>compteurs annuels en retard sur les références déjà données</translation>
    </message>
    <message>
        <source>the database holds no Operline data yet</source>
        <translation>la base ne contient encore aucune donnée Operline</translation>
    </message>
    <message>
        <source>the schema is {current}, this version expects {head}: run &apos;operline db upgrade&apos;</source>
        <translation>le schéma est {current}, cette version attend {head}&#xa0;: lancez «&#xa0;operline db upgrade&#xa0;»</translation>
    </message>
    <message>
        <source>rows pointing to missing rows in {tables}</source>
        <translation>lignes pointant vers des lignes absentes dans {tables}</translation>
    </message>
    <message>
        <source>stored values that cannot be read back in table {table} (rows {rows})</source>
        <translation>valeurs enregistrées illisibles dans la table {table} (lignes {rows})</translation>
    </message>
    <message>
        <source>rows of table {table} breaking its rule {rule}</source>
        <translation>lignes de la table {table} enfreignant sa règle {rule}</translation>
    </message>
</context>
<context>
    <name>DatabaseMessages</name>
    <message>
        <source>{where} is not a valid database URL (expected e.g. sqlite:////path/to/operline.sqlite3 or postgresql://user@host/db).</source>
        <extracomment>The sentence of each database problem; ``detail`` is the driver&apos;s words, shown as they are, or a sentence of ours.</extracomment>
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
        <source>The backup of {where} failed ({detail}); no copy was written.</source>
        <translation>La sauvegarde de {where} a échoué ({detail})&#xa0;; aucune copie n&apos;a été écrite.</translation>
    </message>
    <message>
        <source>What you changed was changed at another desk meanwhile in {where}; nothing was saved: look again and retry.</source>
        <translation>Ce que vous avez modifié l&apos;a été entre-temps à un autre poste dans {where}&#xa0;; rien n&apos;a été enregistré&#xa0;: vérifiez et recommencez.</translation>
    </message>
    <message>
        <source>The database {where} is on a network share ({detail}), where SQLite files get damaged; for several computers, use a PostgreSQL server.</source>
        <translation>La base de données {where} est sur un partage réseau ({detail}), où les fichiers SQLite s’abîment ; pour plusieurs ordinateurs, utilisez un serveur PostgreSQL.</translation>
    </message>
    <message>
        <source>The database {where} cannot be used: {detail}.</source>
        <translation>La base de données {where} est inutilisable&#xa0;: {detail}.</translation>
    </message>
    <message>
        <source>There is no database at {where}; check the path (nothing was created).</source>
        <translation>Il n&apos;y a pas de base de données à {where}&#xa0;; vérifiez le chemin (rien n&apos;a été créé).</translation>
    </message>
    <message>
        <source>{target} already exists; choose a new file name for the backup.</source>
        <translation>{target} existe déjà&#xa0;; choisissez un nouveau nom de fichier pour la sauvegarde.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <extracomment>Pages copied per step: 4 MB with SQLite&apos;s default 4 KB pages. Told the share of the pages copied so far, from 0.0 to 1.0.</extracomment>
        <translation>Le dossier {folder} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>its copy fails SQLite&apos;s check: {verdict}</source>
        <translation>sa copie échoue au contrôle de SQLite&#xa0;: {verdict}</translation>
    </message>
    <message>
        <source>pg_dump, PostgreSQL&apos;s backup program, is not installed</source>
        <translation>pg_dump, le programme de sauvegarde de PostgreSQL, n&apos;est pas installé</translation>
    </message>
    <message>
        <source>no answer in {seconds} s</source>
        <translation>pas de réponse en {seconds} s</translation>
    </message>
    <message>
        <source>its header is overwritten</source>
        <extracomment>How long a writer waits for another desk&apos;s write on SQLite. Waiters poll the lock, so with four desks writing flat out one could wait past 5 s (a call refused as &quot;locked&quot;); the wait runs off the GUI thread, and matches PostgreSQL&apos;s statement timeout. This process&apos;s mark on the change rows it writes: it redrew those changes itself, and skips them when it follows the change sequence.</extracomment>
        <translation>son en-tête est écrasé</translation>
    </message>
    <message>
        <source>WAL journal unavailable</source>
        <translation>journal WAL indisponible</translation>
    </message>
    <message>
        <source>no answer within {seconds} s; nothing was saved</source>
        <translation>pas de réponse en {seconds} s&#xa0;; rien n&apos;a été enregistré</translation>
    </message>
    <message>
        <source>{count} broken references after the update</source>
        <extracomment>Copies made before an update that are kept beside an SQLite file, newest first. Share of the progress the copy takes; the schema change takes the rest. Told how far the upgrade is (0.0 to 1.0) and what it is doing. Older copies deleted so that only the newest ``KEPT_COPIES`` remain. Where the migrations shipped with the app live; tests may point elsewhere.</extracomment>
        <translation>{count} références cassées après la mise à jour</translation>
    </message>
    <message>
        <source>The database {where} is being restored from a backup; start Operline again once the restore is over.</source>
        <translation>La base {where} est en cours de restauration depuis une sauvegarde&#xa0;; relancez Operline une fois la restauration terminée.</translation>
    </message>
    <message>
        <source>{where} is a PostgreSQL database: restore its pg_dump file with pg_restore (see the README); Operline restores SQLite files only.</source>
        <translation>{where} est une base PostgreSQL&#xa0;: restaurez son fichier pg_dump avec pg_restore (voir le README)&#xa0;; Operline ne restaure que les fichiers SQLite.</translation>
    </message>
    <message>
        <source>{backup} is the database itself; choose a backup of it.</source>
        <translation>{backup} est la base elle-même&#xa0;; choisissez une de ses sauvegardes.</translation>
    </message>
    <message>
        <source>An Operline window or command has the database {where} open; close it or let it finish, then restore again.</source>
        <translation>Une fenêtre ou une commande d&apos;Operline a la base {where} ouverte&#xa0;; fermez-la ou attendez qu&apos;elle se termine, puis relancez la restauration.</translation>
    </message>
    <message>
        <source>The restore of {where} failed ({detail}); the database is as it was.</source>
        <translation>La restauration de {where} a échoué ({detail})&#xa0;; la base est restée telle quelle.</translation>
    </message>
    <message>
        <source>There is no backup at {backup}; check the path.</source>
        <translation>Il n&apos;y a pas de sauvegarde à {backup}&#xa0;; vérifiez le chemin.</translation>
    </message>
    <message>
        <source>{backup} is not an SQLite database; nothing was restored.</source>
        <translation>{backup} n&apos;est pas une base SQLite&#xa0;; rien n&apos;a été restauré.</translation>
    </message>
    <message>
        <source>{backup} is damaged ({detail}); nothing was restored: choose another backup.</source>
        <translation>{backup} est endommagée ({detail})&#xa0;; rien n&apos;a été restauré&#xa0;: choisissez une autre sauvegarde.</translation>
    </message>
    <message>
        <source>{backup} is an empty database, not a backup of Operline&apos;s; nothing was restored.</source>
        <translation>{backup} est une base vide, pas une sauvegarde d&apos;Operline&#xa0;; rien n&apos;a été restauré.</translation>
    </message>
</context>
<context>
    <name>DayButtons</name>
    <message>
        <source>Days of the week</source>
        <extracomment>What a sector list offers: (id, name, active).</extracomment>
        <translation>Jours de la semaine</translation>
    </message>
</context>
<context>
    <name>DayLog</name>
    <message>
        <source>The day of {day} is not over: it can be signed off from midnight on.</source>
        <extracomment>The sentence of each refusal, as the window and the logs tell it.</extracomment>
        <translation>La journée du {day} n&apos;est pas finie&#xa0;: elle peut être signée à partir de minuit.</translation>
    </message>
    <message>
        <source>{name} signed off this day on {when}; nothing was corrected since.</source>
        <translation>{name} a signé ce jour le {when}&#xa0;; rien n&apos;a été corrigé depuis.</translation>
    </message>
    <message>
        <source>&amp;Correct the call…</source>
        <extracomment>The question of Ctrl+Shift+S, while it is asked.</extracomment>
        <translation>&amp;Corriger l&apos;appel…</translation>
    </message>
    <message>
        <source>&amp;Sign off the day</source>
        <translation>Si&amp;gner le journal du jour</translation>
    </message>
    <message>
        <source>Pr&amp;int the day log…</source>
        <translation>&amp;Imprimer le journal…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en PD&amp;F…</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may do this.</source>
        <translation>{name} est connecté(e) comme opérateur&#xa0;: seul un superviseur peut le faire.</translation>
    </message>
    <message>
        <source>Nobody is signed in: a supervisor signs in ({key}) to do this.</source>
        <translation>Personne n&apos;est connecté&#xa0;: un superviseur se connecte ({key}) pour le faire.</translation>
    </message>
    <message>
        <source>Select a call first (arrow keys).</source>
        <extracomment>The correction dialog, while it is open. The two versions of a correction refused for a conflict, while they are shown.</extracomment>
        <translation>Choisissez d&apos;abord un appel (flèches).</translation>
    </message>
    <message>
        <source>{reference} corrected; the timeline keeps the value recorded.</source>
        <translation>{reference} corrigé&#xa0;; l&apos;historique garde la valeur enregistrée.</translation>
    </message>
    <message>
        <source>Sign off the day</source>
        <translation>Signer la journée</translation>
    </message>
    <message>
        <source>Sign off the day log of {day}? Calls that day: {calls}.</source>
        <translation>Signer le journal du {day}&#xa0;? Appels ce jour-là&#xa0;: {calls}.</translation>
    </message>
    <message>
        <source>A correction made afterwards stays possible, flagged in the log and its header.</source>
        <translation>Une correction reste possible ensuite, signalée dans le journal et son en-tête.</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save the day log as PDF</source>
        <translation>Enregistrer le journal en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Day log of {day}: {pages} page(s).</source>
        <translation>Journal du {day}&#xa0;: {pages} page(s).</translation>
    </message>
</context>
<context>
    <name>DayLogHandovers</name>
    <message>
        <source>Shift handovers of the day</source>
        <translation>Relèves du jour</translation>
    </message>
    <message>
        <source>No shift handover recorded that day.</source>
        <translation>Aucune relève enregistrée ce jour-là.</translation>
    </message>
    <message>
        <source>{time} — {outgoing} handed over to {incoming}{where}; open: {open}, late: {late}</source>
        <translation>{time} — {outgoing} a passé la main à {incoming}{where} ; appels ouverts : {open}, dont en retard : {late}</translation>
    </message>
    <message>
        <source>No handover note.</source>
        <translation>Pas de note de relève.</translation>
    </message>
    <message>
        <source>Note: “{note}”</source>
        <translation>Note : « {note} »</translation>
    </message>
</context>
<context>
    <name>DayLogPrint</name>
    <message>
        <source>Day log of {day} — {desk}</source>
        <extracomment>The share of the width each printed column takes.</extracomment>
        <translation>Journal du {day} — {desk}</translation>
    </message>
    <message>
        <source>A day of {hours} hours: the clocks changed that night.</source>
        <translation>Journée de {hours} heures&#xa0;: changement d&apos;heure cette nuit-là.</translation>
    </message>
    <message>
        <source>{name} on {when}</source>
        <translation>{name} le {when}</translation>
    </message>
    <message>
        <source>Signed off before: {list}</source>
        <translation>Signatures précédentes&#xa0;: {list}</translation>
    </message>
    <message>
        <source>Not signed off</source>
        <translation>Non signé</translation>
    </message>
    <message>
        <source>Log signed off by {name} on {date} at {time}</source>
        <translation>Journal signé par {name} le {date} à {time}</translation>
    </message>
    <message>
        <source>Corrected after sign-off (corrections since: {count})</source>
        <translation>Corrigé après signature (corrections depuis&#xa0;: {count})</translation>
    </message>
    <message>
        <source>Calls: {count}, in the order received</source>
        <translation>Appels&#xa0;: {count}, dans l&apos;ordre de réception</translation>
    </message>
    <message>
        <source>Printed on {when} by {name}</source>
        <translation>Imprimé le {when} par {name}</translation>
    </message>
    <message>
        <source>Page {page} / {pages}</source>
        <translation>Page {page} / {pages}</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Demonstration database, for practice only. Its accounts:</source>
        <translation>«&#xa0;Démonstration&#xa0;»&#xa0;: base d&apos;exercice, sans aucune donnée réelle. Ses comptes&#xa0;:</translation>
    </message>
    <message>
        <source>{login} ({role}): {password}</source>
        <translation>{login} ({role})&#xa0;: {password}</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
</context>
<context>
    <name>DemoMessages</name>
    <message>
        <source>The number of demo incidents must be 0 or more, not {count}.</source>
        <translation>Le nombre d&apos;appels de démonstration doit être de 0 ou plus, pas {count}.</translation>
    </message>
    <message>
        <source>The demo needs at least 1 week of history, not {weeks}.</source>
        <translation>La démonstration demande au moins 1 semaine d&apos;historique, pas {weeks}.</translation>
    </message>
    <message>
        <source>The database {where} already holds {listed}; the demo only fills an empty database, so nothing was changed.</source>
        <translation>La base de données {where} contient déjà {listed}&#xa0;; la démonstration ne remplit qu&apos;une base vide, rien n&apos;a donc été modifié.</translation>
    </message>
</context>
<context>
    <name>DeskLineEdit</name>
    <message>
        <source>Proposals for {field}</source>
        <extracomment>Where a proposal keeps its folded name, the form type-ahead compares against. Where a sector proposal keeps its id. The order of the needs, and the digit that picks each.</extracomment>
        <translation>Propositions pour {field}</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <source>Calls</source>
        <extracomment>Quiet time after the call&apos;s time is edited before its teams are read again. A call became an incident: carries the LoggedCall. A call was linked to an open incident: carries the incident id. A call was routed to a team: carries the IncidentState. A sentence for the status bar.</extracomment>
        <translation>Appels</translation>
    </message>
    <message>
        <source>A call is being typed</source>
        <extracomment>A call is being checked or saved: Ctrl+Enter again does nothing meanwhile. The prompts while they are open (identifying notes, time far back, possible duplicate, draft found, new call).</extracomment>
        <translation>Appel en cours de saisie</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <source>A call is being typed and is not saved. Drop it to take a new call?</source>
        <translation>Un appel est en cours de saisie et n&apos;est pas enregistré. L&apos;abandonner pour prendre un nouvel appel&#xa0;?</translation>
    </message>
    <message>
        <source>Keep typing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <source>Drop it, new call</source>
        <translation>Abandonner, nouvel appel</translation>
    </message>
    <message>
        <source>The call is not saved yet: correct the fields in red.</source>
        <translation>L&apos;appel n&apos;est pas encore enregistré&#xa0;: corrigez les champs en rouge.</translation>
    </message>
    <message>
        <source>The call is not saved yet: check its time.</source>
        <translation>L&apos;appel n&apos;est pas encore enregistré&#xa0;: vérifiez son heure.</translation>
    </message>
    <message>
        <source>The call is not saved yet: remove from the notes who it is.</source>
        <translation>L&apos;appel n&apos;est pas encore enregistré&#xa0;: retirez des notes qui est la personne.</translation>
    </message>
    <message>
        <source>Unsaved call</source>
        <translation>Appel non enregistré</translation>
    </message>
    <message>
        <source>Resume the call</source>
        <translation>Reprendre l&apos;appel</translation>
    </message>
    <message>
        <source>Drop it</source>
        <translation>L&apos;abandonner</translation>
    </message>
    <message>
        <source>The unsaved call is back in the form.</source>
        <translation>L&apos;appel non enregistré est revenu dans le formulaire.</translation>
    </message>
    <message>
        <source>Saving the call…</source>
        <translation>Enregistrement de l&apos;appel…</translation>
    </message>
    <message>
        <source>{reference} saved ({time}).</source>
        <translation>{reference} enregistré ({time}).</translation>
    </message>
    <message>
        <source>Call linked to {reference}: it is in its timeline.</source>
        <translation>Appel rattaché à {reference}&#xa0;: il figure dans son historique.</translation>
    </message>
</context>
<context>
    <name>DesktopAlarm</name>
    <message>
        <source>Operline</source>
        <translation>Operline</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>no sector</source>
        <extracomment>Quiet time after a change before the draft is written. The draft is written at least this often while a change is left unwritten. The last problem writing the draft (a full disk…), or None.</extracomment>
        <translation>secteur non choisi</translation>
    </message>
    <message>
        <source>no place given</source>
        <translation>lieu non précisé</translation>
    </message>
    <message>
        <source>An unsaved call was found: {sector}, {place}, received at {received} (typed at {typed}). Resume it?</source>
        <translation>Un appel non enregistré a été trouvé&#xa0;: {sector}, {place}, reçu à {received} (saisi à {typed}). Le reprendre&#xa0;?</translation>
    </message>
</context>
<context>
    <name>DuplicatePrompt</name>
    <message>
        <source>Same call already open?</source>
        <extracomment>The operator&apos;s DuplicateAnswer.</extracomment>
        <translation>Même appel déjà en cours&#xa0;?</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s) of this sector received in the last 30 minutes. Is it the same call?</source>
        <translation>
            <numerusform>%n appel en cours dans ce secteur, reçu dans les 30 dernières minutes. Est-ce le même appel&#xa0;?</numerusform>
            <numerusform>%n appels en cours dans ce secteur, reçus dans les 30 dernières minutes. Est-ce le même appel&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <source>Same call: link to the highlighted incident</source>
        <translation>Même appel&#xa0;: le rattacher à l&apos;appel en surbrillance</translation>
    </message>
    <message>
        <source>Back to the call</source>
        <translation>Retour à la saisie</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
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
        <source>The call being typed and the open incidents</source>
        <translation>L&apos;appel en cours de saisie et les appels en cours</translation>
    </message>
    <message>
        <source>This call</source>
        <translation>Cet appel</translation>
    </message>
    <message>
        <source>no place given</source>
        <translation>lieu non précisé</translation>
    </message>
    <message>
        <source>being typed</source>
        <translation>en cours de saisie</translation>
    </message>
</context>
<context>
    <name>DutyBoard</name>
    <message>
        <source>On duty now</source>
        <extracomment>The board reads the roster again this often, for changes made at another desk. The E.164 number of the team a cell shows (or the sector&apos;s first-call team). The name of that team. A sector&apos;s rows one on two, by their names in the palette. The board was read again; carries the instant it shows. A sentence for the status bar (what was copied).</extracomment>
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
    <name>EditorPage</name>
    <message>
        <source>New</source>
        <extracomment>Something was saved, retired or removed; it carries what changed (a ``Changes``). How many reads and checks were asked: only the latest one&apos;s answer counts.</extracomment>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes made in the form?</source>
        <translation>Enregistrer les modifications du formulaire&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ExceptionsPage</name>
    <message>
        <source>Exceptions</source>
        <extracomment>How long a new exception lasts until the supervisor says otherwise: one shift. In the list, where room is short: exceptions are about the weeks around now.</extracomment>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>Show past exceptions too</source>
        <translation>Montrer aussi les exceptions passées</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Choose a team</source>
        <translation>Choisissez une équipe</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Ce qui change</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Remplacée par</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>e.g. vehicle broken down</source>
        <translation>par ex. véhicule en panne</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Équipe</translation>
    </message>
    <message>
        <source>&amp;What changes</source>
        <translation>&amp;Ce qui change</translation>
    </message>
    <message>
        <source>Replaced &amp;by</source>
        <translation>Remplacée &amp;par</translation>
    </message>
    <message>
        <source>&amp;Sectors</source>
        <translation>&amp;Secteurs</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Début</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Supp&amp;rimer…</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <source>Every sector</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <source>Replaced by {team}</source>
        <translation>Remplacée par {team}</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (retirée)</translation>
    </message>
    <message>
        <source>Remove the exception of {team} from {start} to {end}? The weekly shifts apply again for that period.</source>
        <translation>Supprimer l&apos;exception de {team} du {start} au {end}&#xa0;? Les créneaux hebdomadaires s&apos;appliquent de nouveau sur cette période.</translation>
    </message>
    <message>
        <source>New exception</source>
        <translation>Nouvelle exception</translation>
    </message>
    <message>
        <source>Exception of {team}, recorded by {author}. To change it, remove it and add another.</source>
        <translation>Exception de {team}, enregistrée par {author}. Pour la modifier, supprimez-la et ajoutez-en une autre.</translation>
    </message>
</context>
<context>
    <name>FacilitiesPage</name>
    <message>
        <source>Places</source>
        <extracomment>Places are no part of the roster: the call form&apos;s list of places redraws instead.</extracomment>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>Nom du lieu</translation>
    </message>
    <message>
        <source>Kind of place</source>
        <translation>Type de lieu</translation>
    </message>
    <message>
        <source>e.g. night shelter, rest space</source>
        <translation>par ex. halte de nuit, espace de repos</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Number of places</source>
        <translation>Nombre de places</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horaires d&apos;ouverture</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Télé&amp;phone</translation>
    </message>
    <message>
        <source>Capa&amp;city</source>
        <translation>&amp;Capacité</translation>
    </message>
    <message>
        <source>Opening &amp;hours</source>
        <translation>&amp;Horaires</translation>
    </message>
    <message>
        <source>&amp;Retire…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Retire {name}? It will no longer be offered for orientations; the calls already oriented there keep it.</source>
        <translation>Retirer {name}&#xa0;? Il ne sera plus proposé pour les orientations&#xa0;; les appels déjà orientés là le gardent.</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>Nouveau lieu</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (retiré)</translation>
    </message>
</context>
<context>
    <name>FieldProblems</name>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
</context>
<context>
    <name>FigureMessages</name>
    <message>
        <source>There is no sector #{id} in this database.</source>
        <extracomment>The days the calls-per-day chart and the repeat places look back over, today included. The alert delays the open calls were coloured with. When who is on duty next changes, and who is on duty then (None: no change in sight). The last ``DAYS_LOOKED_BACK`` Paris days, oldest first, today last. Places with two calls or more over those days, most calls first. This ISO week so far, then the whole week before it; None for an operator, whose history stops 24 hours back.</extracomment>
        <translation>Il n&apos;y a pas de secteur n°{id} dans cette base de données.</translation>
    </message>
</context>
<context>
    <name>FirstStartMessages</name>
    <message>
        <source>{name}, {reason}</source>
        <translation>{name}, {reason}</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}.</source>
        <translation>Le fichier {path} ne peut pas être lu&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>First start of the desk</source>
        <extracomment>What the second page wrote, for the screens to read again.</extracomment>
        <translation>Premier démarrage du poste</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <extracomment>The administrator, once the first page created them. What the second page did, once it did it. A page&apos;s write is on the task runner: moving on waits for its answer.</extracomment>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Open the desk</source>
        <translation>&amp;Ouvrir le poste</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Open the desk</source>
        <translation>Ouvrir le poste</translation>
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
        <source>{sector}: no first-call team, for over a week</source>
        <translation>{sector}&#xa0;: aucune équipe de premier appel, depuis plus d&apos;une semaine</translation>
    </message>
    <message>
        <source>{sector}: a team on duty has had no phone for over a week</source>
        <translation>{sector}&#xa0;: une équipe de garde sans téléphone depuis plus d&apos;une semaine</translation>
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
    <name>GoToCallDialog</name>
    <message>
        <source>Go to a call</source>
        <extracomment>The call found and read; the dialog has closed.</extracomment>
        <translation>Aller à un appel</translation>
    </message>
    <message>
        <source>Reference of the call, or its number this year:</source>
        <translation>Référence de l&apos;appel, ou son numéro de cette année&#xa0;:</translation>
    </message>
    <message>
        <source>Reference of the call</source>
        <translation>Référence de l&apos;appel</translation>
    </message>
    <message>
        <source>OPL-2026-000123 or 123</source>
        <translation>OPL-2026-000123 ou 123</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Type a reference such as OPL-{year}-000123, or just its number.</source>
        <translation>Tapez une référence comme OPL-{year}-000123, ou seulement son numéro.</translation>
    </message>
    <message>
        <source>No call has the reference {reference}.</source>
        <translation>Aucun appel n&apos;a la référence {reference}.</translation>
    </message>
</context>
<context>
    <name>GpoBrief</name>
    <message>
        <source>from {start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>Weekly brief for the GPO — week {number}</source>
        <translation>Note hebdomadaire au GPO — semaine {number}</translation>
    </message>
    <message>
        <source>The PDF file cannot be written.</source>
        <translation>Le fichier PDF ne peut pas être écrit.</translation>
    </message>
    <message>
        <source>A week of {hours} hours: the clocks changed.</source>
        <translation>Une semaine de {hours} heures&#xa0;: changement d&apos;heure.</translation>
    </message>
    <message>
        <source>Counts from the desk&apos;s log, as in the week&apos;s CSV files: no notes, no phone numbers, no names.</source>
        <translation>Comptes du journal, comme dans les fichiers CSV de la semaine&#xa0;: ni notes, ni numéros de téléphone, ni noms.</translation>
    </message>
    <message>
        <source>Calls per day and sector</source>
        <translation>Appels par jour et par secteur</translation>
    </message>
    <message>
        <source>No call this week.</source>
        <translation>Aucun appel cette semaine.</translation>
    </message>
    <message>
        <source>Week {number}</source>
        <translation>Semaine {number}</translation>
    </message>
    <message>
        <source>Previous week ({number})</source>
        <translation>Semaine précédente ({number})</translation>
    </message>
    <message>
        <source>Average of weeks {first} to {last}</source>
        <translation>Moyenne des semaines {first} à {last}</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Urgent calls</source>
        <translation>Appels urgents</translation>
    </message>
    <message>
        <source>Calls with no team on duty</source>
        <translation>Appels sans équipe de garde</translation>
    </message>
    <message>
        <source>Median time to acknowledgement (min)</source>
        <translation>Délai médian de prise en compte (min)</translation>
    </message>
    <message>
        <source>90th percentile of time to acknowledgement (min)</source>
        <translation>Délai de prise en compte, 90e centile (min)</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <source>Hot spots: the places with the most calls</source>
        <translation>Points chauds&#xa0;: les lieux les plus signalés</translation>
    </message>
    <message>
        <source>No place was given in a call this week.</source>
        <translation>Aucun lieu n&apos;a été indiqué dans un appel cette semaine.</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Week before</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <source>↑ more calls than the week before, ↓ fewer, = as many.</source>
        <translation>↑ plus d&apos;appels que la semaine précédente, ↓ moins, = autant.</translation>
    </message>
    <message>
        <source>Hours with no team on duty (as the roster stood, Paris time)</source>
        <translation>Heures sans équipe de garde (planning en vigueur alors, heure de Paris)</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>A team on duty all week: {sectors}.</source>
        <translation>Une équipe de garde toute la semaine&#xa0;: {sectors}.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours}&#xa0;h</translation>
    </message>
    <message>
        <source>All week</source>
        <translation>Toute la semaine</translation>
    </message>
</context>
<context>
    <name>GpoExport</name>
    <message>
        <source>The folder {folder} does not exist; nothing was exported.</source>
        <translation>Le dossier {folder} n’existe pas&#xa0;; rien n’a été exporté.</translation>
    </message>
    <message>
        <source>Operline cannot write the export into {folder} ({reason}); nothing was exported.</source>
        <translation>Operline ne peut pas écrire l’export dans {folder} ({reason})&#xa0;; rien n’a été exporté.</translation>
    </message>
    <message>
        <source>{text} is not an ISO week (expected YYYY-Www, e.g. 2026-W13).</source>
        <translation>{text} n’est pas une semaine ISO (attendu AAAA-Wss, par exemple 2026-W13).</translation>
    </message>
    <message>
        <source>{year} has no week {number} (ISO weeks run from W01 to W52 or W53).</source>
        <translation>L’année {year} n’a pas de semaine {number} (les semaines ISO vont de W01 à W52 ou W53).</translation>
    </message>
    <message>
        <source>The week {week} is not over yet (it ends on {end}, Paris time); the last complete week is {last}.</source>
        <translation>La semaine {week} n’est pas encore finie (elle se termine le {end}, heure de Paris)&#xa0;; la dernière semaine complète est {last}.</translation>
    </message>
</context>
<context>
    <name>GpoExportDialog</name>
    <message>
        <source>Export for the GPO</source>
        <extracomment>Where the folder chosen is remembered, on this computer. A week stepped through quickly is read once the keys rest this long. A week&apos;s preview was shown (carries the ``GpoPreview``). The files were written (carries the ``GpoExport``).</extracomment>
        <translation>Exporter pour le GPO</translation>
    </message>
    <message>
        <source>&amp;Hot spots (the places with the most calls)</source>
        <translation>&amp;Points chauds (les lieux les plus appelés)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Folder the files are written to</source>
        <translation>Dossier où les fichiers sont écrits</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Choisir le dossier</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the &amp;brief (PDF)</source>
        <translation>&amp;Note au GPO (PDF)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reading the calls of {week}…</source>
        <translation>Lecture des appels de la semaine {week}…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) in {week}.</source>
        <translation>
            <numerusform>%Ln appel en {week}.</numerusform>
            <numerusform>%Ln appels en {week}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} — %Ln row(s)</source>
        <translation>
            <numerusform>{name} — %Ln ligne</numerusform>
            <numerusform>{name} — %Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the brief of {week}…</source>
        <translation>Lecture de la note de la semaine {week}…</translation>
    </message>
    <message numerus="yes">
        <source>Brief written: {path} — %Ln page(s)</source>
        <translation>
            <numerusform>Note écrite&#xa0;: {path} — %Ln page</numerusform>
            <numerusform>Note écrite&#xa0;: {path} — %Ln pages</numerusform>
        </translation>
    </message>
    <message>
        <source>The brief of {week} is written.</source>
        <translation>La note de la semaine {week} est écrite.</translation>
    </message>
    <message>
        <source>Folder for the GPO files</source>
        <translation>Dossier des fichiers du GPO</translation>
    </message>
    <message>
        <source>S&amp;ummary per sector</source>
        <extracomment>The preview shown, once read, and the export written, once saved.</extracomment>
        <translation>&amp;Résumé par secteur</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Choose the folder the files are written to.</source>
        <translation>Choisissez le dossier où écrire les fichiers.</translation>
    </message>
    <message>
        <source>Writing the files of {week}…</source>
        <translation>Écriture des fichiers de la semaine {week}…</translation>
    </message>
    <message>
        <source>Files written in {folder}:</source>
        <translation>Fichiers écrits dans {folder}&#xa0;:</translation>
    </message>
    <message>
        <source>The files of {week} are written.</source>
        <translation>Les fichiers de la semaine {week} sont écrits.</translation>
    </message>
</context>
<context>
    <name>GpoPreviewTables</name>
    <message>
        <source>Sector</source>
        <extracomment>The heading of each column of the summary file, as the table shows it.</extracomment>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgents</translation>
    </message>
    <message>
        <source>No team
on duty</source>
        <translation>Sans équipe
de garde</translation>
    </message>
    <message>
        <source>Team
contacted</source>
        <translation>Équipe
contactée</translation>
    </message>
    <message>
        <source>Acknow-
ledged</source>
        <translation>Pris en
compte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>Still
open</source>
        <translation>En
cours</translation>
    </message>
    <message>
        <source>Ack. median
(min)</source>
        <translation>Prise en compte,
médiane (min)</translation>
    </message>
    <message>
        <source>Ack. 90th
percentile (min)</source>
        <translation>Prise en compte,
90e centile (min)</translation>
    </message>
    <message>
        <source>Taken
in charge</source>
        <translation>Pris en
charge</translation>
    </message>
    <message>
        <source>Oriented</source>
        <translation>Orientés</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>Not
found</source>
        <translation>Non
trouvés</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulés</translation>
    </message>
    <message>
        <source>No
follow-up</source>
        <translation>Sans
suite</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>The week
before</source>
        <translation>Semaine
précédente</translation>
    </message>
    <message>
        <source>Column {column} of the file</source>
        <translation>Colonne {column} du fichier</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>A handover note holds at most {limit} characters.</source>
        <extracomment>As short as a call&apos;s note: read in one look while the next operator settles in. The longest workstation name the ``handover`` table keeps. What colours the open calls, and no more: the write lock is held while they are counted. The sentence of each refusal, as the window and the logs tell it.</extracomment>
        <translation>Les consignes de relève tiennent en {limit} caractères au plus.</translation>
    </message>
    <message>
        <source>Character {position} of the handover note is an invisible control character ({character}): remove it.</source>
        <translation>Le caractère {position} de la note de relève est un caractère de contrôle invisible ({character})&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>{name} cannot hand over to themselves: the next operator signs in.</source>
        <translation>{name} ne peut pas se passer la main&#xa0;: c&apos;est la relève qui se connecte.</translation>
    </message>
    <message>
        <source>This person does not exist or no longer works at the desk.</source>
        <translation>Cette personne n&apos;existe pas ou ne travaille plus au plateau.</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <extracomment>The summary is read again this often while the window is open: ages move on. Lines of the note, and of people to choose from, in sight below the summary. The handover was recorded: carries the ``HandedOver``.</extracomment>
        <translation>Relève</translation>
    </message>
    <message>
        <source>&amp;Note for the next operator</source>
        <extracomment>Who hands over: the operator signed in when the window opened. The live board&apos;s last reading, then each summary&apos;s: rows unchanged are kept. The note as it was when the operator was asked to remove what looks identifying.</extracomment>
        <translation>&amp;Consignes pour la relève</translation>
    </message>
    <message>
        <source>Note for the next operator</source>
        <translation>Consignes pour la relève</translation>
    </message>
    <message>
        <source>What must be followed up: calls awaited, promises made, places to call…</source>
        <translation>Ce qui reste à suivre&#xa0;: appels attendus, rappels promis, lieux à appeler…</translation>
    </message>
    <message>
        <source>Password of the next operator</source>
        <translation>Mot de passe de l&apos;opérateur suivant</translation>
    </message>
    <message>
        <source>Your password, then Enter</source>
        <translation>Votre mot de passe, puis Entrée</translation>
    </message>
    <message>
        <source>The outgoing operator&apos;s note</source>
        <translation>Les consignes de l&apos;opérateur sortant</translation>
    </message>
    <message>
        <source>{name} hands over: what the next operator takes over</source>
        <translation>{name} passe la main&#xa0;: ce que reprend la relève</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Hand over ({key})</source>
        <translation>Passer la main ({key})</translation>
    </message>
    <message>
        <source>Esc: {name} stays signed in.</source>
        <translation>Échap&#xa0;: {name} reste connecté.</translation>
    </message>
    <message>
        <source>Who takes over from {name}? Type your name, Enter, then your password and Enter.</source>
        <translation>Qui prend la relève de {name}&#xa0;? Tapez votre nom, Entrée, puis votre mot de passe et Entrée.</translation>
    </message>
    <message>
        <source>Back to the note (Esc)</source>
        <translation>Retour aux consignes (Échap)</translation>
    </message>
    <message>
        <source>Sign in and take over (Enter)</source>
        <translation>Se connecter et prendre la relève (Entrée)</translation>
    </message>
    <message>
        <source>The handover is recorded when the next operator signs in.</source>
        <translation>La relève est enregistrée à la connexion de l&apos;opérateur suivant.</translation>
    </message>
    <message>
        <source>Start my shift (Enter)</source>
        <translation>Commencer mon service (Entrée)</translation>
    </message>
    <message>
        <source>{incoming} takes over from {outgoing} at {time}</source>
        <translation>À {time}, {outgoing} passe la main à {incoming}</translation>
    </message>
    <message>
        <source>Note from {name}:</source>
        <translation>Consignes laissées par {name}&#xa0;:</translation>
    </message>
    <message>
        <source>{name} left no note.</source>
        <translation>{name} n&apos;a pas laissé de consignes.</translation>
    </message>
    <message>
        <source>{count} / {limit} characters</source>
        <translation>{count} / {limit} caractères</translation>
    </message>
</context>
<context>
    <name>HandoverSummaryView</name>
    <message>
        <source>What the next operator takes over</source>
        <extracomment>Rows of calls always in sight; the table takes the room the window has left. Lines of the gaps&apos; and the places&apos; lists in sight.</extracomment>
        <translation>Ce que reprend la relève</translation>
    </message>
    <message>
        <source>Open calls, late ones first</source>
        <translation>Appels en cours, les retards d&apos;abord</translation>
    </message>
    <message>
        <source>Coverage gaps</source>
        <translation>Trous de couverture</translation>
    </message>
    <message>
        <source>Places full or not reported</source>
        <translation>Lieux complets ou sans nouvelles</translation>
    </message>
    <message>
        <source>As it stood at {time}</source>
        <translation>État à {time}</translation>
    </message>
    <message>
        <source>No open call</source>
        <translation>Aucun appel en cours</translation>
    </message>
    <message>
        <source>Open calls: {count}, {late} of them late</source>
        <translation>Appels en cours&#xa0;: {count}, dont {late} en retard</translation>
    </message>
    <message>
        <source>Open calls: {count}, none late</source>
        <translation>Appels en cours&#xa0;: {count}, aucun en retard</translation>
    </message>
    <message>
        <source>Coverage gaps in the next {hours} hours</source>
        <translation>Trous de couverture des {hours} prochaines heures</translation>
    </message>
    <message>
        <source>None: every sector has a first-call team that can be phoned.</source>
        <translation>Aucun&#xa0;: chaque secteur a une équipe de premier appel joignable.</translation>
    </message>
    <message>
        <source>Places full or not reported since {time}</source>
        <translation>Lieux complets ou sans nouvelles depuis {time}</translation>
    </message>
    <message>
        <source>{place}: full (reported at {time})</source>
        <translation>{place}&#xa0;: complet (signalé à {time})</translation>
    </message>
    <message>
        <source>{place}: no report</source>
        <translation>{place}&#xa0;: aucun signalement</translation>
    </message>
    <message>
        <source>Places with room: {count}</source>
        <translation>Lieux avec des places libres&#xa0;: {count}</translation>
    </message>
</context>
<context>
    <name>HighContrastAction</name>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Contraste élevé</translation>
    </message>
    <message>
        <source>White and yellow on black, for every screen of this window</source>
        <translation>Blanc et jaune sur noir, pour tous les écrans de cette fenêtre</translation>
    </message>
</context>
<context>
    <name>HistoryFilterBar</name>
    <message>
        <source>Filters of the history</source>
        <extracomment>Longest free text searched: a few words. A filter changed. Enter or Down in the search field: the table is wanted.</extracomment>
        <translation>Filtres de l&apos;historique</translation>
    </message>
    <message>
        <source>Search the place and the notes</source>
        <translation>Rechercher dans le lieu et les notes</translation>
    </message>
    <message>
        <source>Place or notes; accents and capitals do not matter</source>
        <translation>Lieu ou notes, sans souci des accents ni des majuscules</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>All the history</source>
        <translation>Tout l&apos;historique</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Dates chosen</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récents d&apos;abord</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Plus anciens d&apos;abord</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Every sector</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <source>Every need</source>
        <translation>Tous les besoins</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Every priority</source>
        <translation>Toutes les priorités</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Every stage</source>
        <translation>Toutes les étapes</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Every team</source>
        <translation>Toutes les équipes</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Every outcome</source>
        <translation>Toutes les issues</translation>
    </message>
    <message>
        <source>Oriented to</source>
        <translation>Orienté vers</translation>
    </message>
    <message>
        <source>Every place</source>
        <translation>Tous les lieux</translation>
    </message>
    <message>
        <source>Other calls</source>
        <translation>Autres appels</translation>
    </message>
    <message>
        <source>Another call linked</source>
        <translation>Un autre appel lié</translation>
    </message>
    <message>
        <source>No other call</source>
        <translation>Aucun autre appel</translation>
    </message>
    <message>
        <source>With or without</source>
        <translation>Avec ou sans</translation>
    </message>
    <message>
        <source>Only calls with no team on duty</source>
        <translation>Seulement les appels sans équipe de garde</translation>
    </message>
    <message>
        <source>Calls that came in while the roster had no team on duty for their sector</source>
        <translation>Appels reçus quand aucune équipe n&apos;était de garde pour leur secteur</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (retiré)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
</context>
<context>
    <name>HistoryMessages</name>
    <message>
        <source>The period ends on {last}, before it starts ({first}): choose an end on or after the start.</source>
        <extracomment>First and last Paris calendar days of the period, both included. The team the call is (or was last) with. The place the person was oriented to. True: only calls another call was linked to; False: only calls with none. Only the calls that came in while no team was on duty for their sector. Words looked for in the place and the notes. The earliest reception instant searched: an operator&apos;s last 24 hours.</extracomment>
        <translation>La période finit le {last}, avant de commencer ({first})&#xa0;: choisissez une fin égale ou postérieure au début.</translation>
    </message>
    <message>
        <source>There is no call #{id} in this database.</source>
        <translation>Il n&apos;y a pas d&apos;appel n°{id} dans cette base de données.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Oriented to {place}</source>
        <extracomment>The outcome; an orientation names its place instead, shorter and more telling.</extracomment>
        <translation>Orienté vers {place}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
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
        <source>Place</source>
        <translation>Lieu</translation>
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
    <name>HistoryView</name>
    <message>
        <source>History of the calls</source>
        <extracomment>A sentence for the status bar: why a call could not be opened. A search&apos;s answer was shown (carries the HistorySearch). The view of a sector is asked for (carries the sector&apos;s id): the selected call&apos;s.</extracomment>
        <translation>Historique des appels</translation>
    </message>
    <message>
        <source>&amp;Search the history</source>
        <extracomment>The search shown, and the filters asked for that are not answered yet. The landmarks of the pages shown, read after each search. The detail opened from the history, while it is open.</extracomment>
        <translation>&amp;Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <source>Search &amp;again</source>
        <translation>Chercher à &amp;nouveau</translation>
    </message>
    <message>
        <source>&amp;Clear the filters</source>
        <translation>&amp;Effacer les filtres</translation>
    </message>
    <message>
        <source>&amp;View of the call&apos;s sector</source>
        <translation>&amp;Vue du secteur de l&apos;appel</translation>
    </message>
    <message>
        <source>Open the call</source>
        <translation>Ouvrir l&apos;appel</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln appel</numerusform>
            <numerusform>%Ln appels</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} in the last 24 hours (an operator&apos;s search)</source>
        <translation>{count} sur les dernières 24&#xa0;heures (recherche d&apos;un opérateur)</translation>
    </message>
    <message>
        <source>The history sorts by time only; the other columns have filters.</source>
        <translation>L&apos;historique ne se trie que par heure&#xa0;; les autres colonnes ont leurs filtres.</translation>
    </message>
    <message>
        <source>Select a call first (arrow keys).</source>
        <translation>Choisissez d&apos;abord un appel (flèches).</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Number of calls found</source>
        <translation>Nombre d&apos;appels trouvés</translation>
    </message>
    <message>
        <source>Calls found, newest first</source>
        <translation>Appels trouvés, les plus récents d&apos;abord</translation>
    </message>
    <message>
        <source>No call meets these filters. Clear the filters to see them all.</source>
        <translation>Aucun appel ne répond à ces filtres. Effacez les filtres pour tout voir.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>HotSpotTable</name>
    <message>
        <source>Hot spots</source>
        <translation>Points chauds</translation>
    </message>
</context>
<context>
    <name>HourHeatMap</name>
    <message>
        <source>Hatched: the hour that did not exist (the clocks went forward).</source>
        <translation>Hachurée&#xa0;: l&apos;heure qui n&apos;a pas existé (passage à l&apos;heure d&apos;été).</translation>
    </message>
    <message>
        <source>×2: the hour lived twice (the clocks went back), both counted.</source>
        <translation>×2&#xa0;: l&apos;heure vécue deux fois (passage à l&apos;heure d&apos;hiver), les deux comptées.</translation>
    </message>
</context>
<context>
    <name>IdentifyingNotesPrompt</name>
    <message>
        <source>Identifying notes</source>
        <translation>Notes identifiantes</translation>
    </message>
    <message>
        <source>The notes seem to hold {found}.</source>
        <translation>Les notes semblent contenir {found}.</translation>
    </message>
    <message>
        <source>The desk records what coordination needs, not who the person is: remove it from the notes before saving. The call stays in the form.</source>
        <translation>Le poste enregistre ce dont la coordination a besoin, pas qui est la personne&#xa0;: retirez-le des notes avant d&apos;enregistrer. L&apos;appel reste dans le formulaire.</translation>
    </message>
    <message>
        <source>Remove it from the notes</source>
        <translation>Le retirer des notes</translation>
    </message>
    <message>
        <source>&amp;Save as it is</source>
        <translation>&amp;Enregistrer tel quel</translation>
    </message>
</context>
<context>
    <name>IncidentDetailDialog</name>
    <message>
        <source>Call {reference}</source>
        <translation>Appel {reference}</translation>
    </message>
    <message>
        <source>Opening a call is recorded in the audit log.</source>
        <translation>L&apos;ouverture d&apos;un appel est inscrite au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Calling crew</source>
        <translation>Équipage appelant</translation>
    </message>
    <message>
        <source>Callback number</source>
        <translation>Numéro de rappel</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
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
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu d&apos;orientation</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notes&#xa0;: {notes}</translation>
    </message>
    <message>
        <source>Timeline of the call, oldest first</source>
        <translation>Historique de l&apos;appel, du plus ancien au plus récent</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>{team} (no team on duty when the call came in)</source>
        <translation>{team} (aucune équipe de garde à la réception de l&apos;appel)</translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Call logged</source>
        <translation>Appel enregistré</translation>
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
        <source>Handed to another team</source>
        <translation>Confié à une autre équipe</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Another call about it</source>
        <translation>Autre appel à ce sujet</translation>
    </message>
    <message>
        <source>Step undone</source>
        <translation>Étape annulée</translation>
    </message>
    <message>
        <source>Call imported</source>
        <translation>Appel importé</translation>
    </message>
    <message>
        <source>Refused: changed at another desk first</source>
        <translation>Refusé&#xa0;: modifié à un autre poste avant</translation>
    </message>
    <message>
        <source>Place</source>
        <extracomment>Fields a correction may name, as the desk calls them.</extracomment>
        <translation>Lieu d&apos;orientation</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Heure de réception</translation>
    </message>
    <message>
        <source>Changed: {field}</source>
        <translation>Modifié&#xa0;: {field}</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrigé</translation>
    </message>
    <message>
        <source>Corrected after sign-off</source>
        <translation>Corrigé après signature</translation>
    </message>
    <message>
        <source>Team contacted at</source>
        <translation>Heure de contact de l&apos;équipe</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>Heure de prise en compte</translation>
    </message>
    <message>
        <source>On scene at</source>
        <translation>Heure d&apos;arrivée sur place</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>Heure de clôture</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Calling crew</source>
        <translation>Équipage appelant</translation>
    </message>
    <message>
        <source>Corrected: {field}</source>
        <extracomment>Fields holding an instant, stored in ISO 8601 and shown in Paris time.</extracomment>
        <translation>Corrigé&#xa0;: {field}</translation>
    </message>
    <message>
        <source>Corrected after sign-off: {field}</source>
        <translation>Corrigé après signature&#xa0;: {field}</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>Time</source>
        <extracomment>The outcome of a closed call, the stage reached by one still open. The stage columns after the reception, in order, with the field each one shows. The field a correction names, for each column that shows one.</extracomment>
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
        <source>Team</source>
        <translation>Équipe</translation>
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
        <source>On duty at the call</source>
        <translation>De garde à l&apos;appel</translation>
    </message>
    <message>
        <source>Outcome or stage</source>
        <translation>Issue ou étape</translation>
    </message>
    <message>
        <source>(corrected)</source>
        <translation>(corrigé)</translation>
    </message>
    <message>
        <source>(corrected after sign-off)</source>
        <translation>(corrigé après signature)</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <source>Open: {stage}</source>
        <translation>En cours&#xa0;: {stage}</translation>
    </message>
    <message>
        <source>The desk found no team on duty when it logged the call.</source>
        <translation>Aucune équipe n&apos;était de garde quand l&apos;appel a été enregistré.</translation>
    </message>
    <message>
        <source>The roster as it stands names: {teams}.</source>
        <translation>Le tableau de garde actuel indique&#xa0;: {teams}.</translation>
    </message>
    <message>
        <source>First recorded: {value}</source>
        <translation>Valeur d&apos;origine&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Open the call (Enter) to read each correction and its reason.</source>
        <translation>Ouvrez l&apos;appel (Entrée) pour lire chaque correction et son motif.</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>Journal of a day</source>
        <extracomment>The day now shown (a Paris calendar day). A sentence for the status bar: why a call could not be opened.</extracomment>
        <translation>Journal de la journée</translation>
    </message>
    <message>
        <source>&amp;Previous day</source>
        <extracomment>The roster of the day shown, read once for all its pages. The pages of the day shown, read with that roster.</extracomment>
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
    <message>
        <source>Open the call</source>
        <extracomment>Who handed the desk to whom that day, under the header.</extracomment>
        <translation>Ouvrir l&apos;appel</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: the days before are a supervisor&apos;s (an operator consults the last 24 hours).</source>
        <extracomment>The detail opened from the journal, while it is open. Why the previous day is greyed for an operator signed in.</extracomment>
        <translation>{name} est connecté comme opérateur&#xa0;: les jours précédents sont ceux d&apos;un superviseur (un opérateur consulte les dernières 24&#xa0;heures).</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n appel</numerusform>
            <numerusform>%n appels</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a call first (arrow keys).</source>
        <translation>Choisissez d&apos;abord un appel (flèches).</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Jour affiché</translation>
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
    <name>Language</name>
    <message>
        <source>Unknown language {forced}: choose one of {known}.</source>
        <translation>Langue inconnue {forced}&#xa0;: choisissez parmi {known}.</translation>
    </message>
</context>
<context>
    <name>LastBackupLabel</name>
    <message>
        <source>The automatic backup failed: {problem}; there is no backup yet.</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {problem}&#xa0;; il n&apos;y a encore aucune sauvegarde.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {problem}; last backup: {when}, more than 24 h ago.</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {problem}&#xa0;; dernière sauvegarde&#xa0;: {when}, il y a plus de 24&#xa0;h.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {problem}; last backup: {when}.</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {problem}&#xa0;; dernière sauvegarde&#xa0;: {when}.</translation>
    </message>
    <message>
        <source>No backup of the database yet</source>
        <translation>Aucune sauvegarde de la base pour l&apos;instant</translation>
    </message>
    <message>
        <source>Last backup: {when}, more than 24 h ago</source>
        <translation>Dernière sauvegarde&#xa0;: {when}, il y a plus de 24&#xa0;h</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>Dernière sauvegarde&#xa0;: {when}</translation>
    </message>
</context>
<context>
    <name>LateEntryPrompt</name>
    <message>
        <source>Call time far back</source>
        <translation>Heure d&apos;appel lointaine</translation>
    </message>
    <message>
        <source>This call was received at {when}, {hours} h {minutes:02d} ago.</source>
        <translation>Cet appel a été reçu à {when}, il y a {hours} h {minutes:02d}.</translation>
    </message>
    <message>
        <source>Is this the right time? Save it with this time?</source>
        <translation>Est-ce la bonne heure&#xa0;? L&apos;enregistrer avec cette heure&#xa0;?</translation>
    </message>
    <message>
        <source>Correct the time</source>
        <translation>Corriger l&apos;heure</translation>
    </message>
    <message>
        <source>Save with this time</source>
        <translation>Enregistrer avec cette heure</translation>
    </message>
</context>
<context>
    <name>LiveBoard</name>
    <message>
        <source>Open calls</source>
        <extracomment>Ages (shown by the minute) are redrawn this often from the rows held, with no query. A sentence for the status bar: what was recorded, or why not. The board was read again; carries the instant it shows. The view of a sector was asked for from the strip (carries its id).
----------
Every open incident as last read, whatever the sector filter, in board order. Where each incident id sits in ``incidents``. The strip&apos;s counts of ``incidents``, moved call by call between full reads. The instant the board was last read for. The change of colour the single-shot timer is aimed at, if any. The call under the cursor when a problem was said, and whether nobody was signed in then: the problem is withdrawn once the cursor leaves that call or someone signs in. The last full read: the reference data and roster it holds are read again only when the database says they changed. A full read is on the worker; another asked meanwhile waits for it.</extracomment>
        <translation>Appels en cours</translation>
    </message>
    <message>
        <source>Open calls, urgent first then oldest first</source>
        <translation>Appels en cours, urgents d&apos;abord, puis du plus ancien au plus récent</translation>
    </message>
    <message numerus="yes">
        <source>%n open call(s)</source>
        <translation>
            <numerusform>%n appel en cours</numerusform>
            <numerusform>%n appels en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation>Situation à {time}</translation>
    </message>
    <message>
        <source>No open call</source>
        <translation>Aucun appel en cours</translation>
    </message>
    <message>
        <source>No open call in {sector} (Alt+0: every sector)</source>
        <translation>Aucun appel en cours&#xa0;: {sector} (Alt+0&#xa0;: tous les secteurs)</translation>
    </message>
</context>
<context>
    <name>LiveBoardModel</name>
    <message>
        <source>⚠ Late</source>
        <extracomment>The row&apos;s alert level (an ``Alert``), for screens and tests that read it. The cue beside the colour, for those who do not tell amber from red.</extracomment>
        <translation>⚠ En retard</translation>
    </message>
    <message>
        <source>‼ Very late</source>
        <translation>‼ Très en retard</translation>
    </message>
    <message>
        <source>No team has acknowledged this call in time.</source>
        <translation>Aucune équipe n&apos;a pris en compte cet appel à temps.</translation>
    </message>
    <message>
        <source>No team has acknowledged this call for twice the time allowed: call the next team.</source>
        <translation>Aucune équipe n&apos;a pris en compte cet appel depuis le double du temps prévu&#xa0;: appelez l&apos;équipe suivante.</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
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
        <source>Pers.</source>
        <translation>Pers.</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h {minutes}</source>
        <translation>{hours} h {minutes}</translation>
    </message>
    <message>
        <source>Received at {time}</source>
        <extracomment>The row of each incident id, worked out again after rows come, go or move. The roles of the rows drawn since they last changed, by row.</extracomment>
        <translation>Reçu à {time}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>The desk is locked</source>
        <extracomment>How often the time since the last input is looked at. What a person does, as opposed to what the desk shows by itself. The password typed, to check. Someone else takes the desk.</extracomment>
        <translation>Le poste est verrouillé</translation>
    </message>
    <message>
        <source>Locked after a while without use. {name}, type your password.</source>
        <translation>Verrouillé après un moment sans utilisation. {name}, tapez votre mot de passe.</translation>
    </message>
    <message>
        <source>Password of {name}</source>
        <translation>Mot de passe de {name}</translation>
    </message>
    <message>
        <source>Someone else takes the desk</source>
        <translation>Une autre personne prend le poste</translation>
    </message>
</context>
<context>
    <name>LoginMessages</name>
    <message>
        <source>Too many wrong passwords: this account is locked until {until}. Try again then, or ask an administrator to unlock it.</source>
        <extracomment>How long a locked account refuses every sign-in, the good password included. How the desk and the command line tell a lock (the time in Paris, HH:MM).</extracomment>
        <translation>Trop de mots de passe erronés&#xa0;: ce compte est verrouillé jusqu&apos;à {until}. Réessayez alors, ou demandez à un administrateur de le déverrouiller.</translation>
    </message>
    <message>
        <source>The login or the password is wrong. Check both and try again.</source>
        <translation>L&apos;identifiant ou le mot de passe est erroné. Vérifiez les deux et réessayez.</translation>
    </message>
    <message>
        <source>{name} has no password yet: an administrator sets one with &apos;operline operator passwd NAME&apos;.</source>
        <translation>{name} n&apos;a pas encore de mot de passe&#xa0;: un administrateur lui en donne un avec «&#xa0;operline operator passwd NOM&#xa0;».</translation>
    </message>
    <message>
        <source>This desk already has its administrator: sign in with your login.</source>
        <extracomment>Until when too many wrong passwords keep them out; None when they may sign in.</extracomment>
        <translation>Ce plateau a déjà son administrateur&#xa0;: connectez-vous avec votre identifiant.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Operline</source>
        <translation>Operline</translation>
    </message>
    <message>
        <source>Screens</source>
        <extracomment>The other desks&apos; changes, once ``follow_other_desks`` started following them.</extracomment>
        <translation>Écrans</translation>
    </message>
    <message>
        <source>Open calls</source>
        <translation>Appels en cours</translation>
    </message>
    <message>
        <source>Call form</source>
        <translation>Fiche d&apos;appel</translation>
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
        <source>Quit Operline</source>
        <extracomment>The dialogs of Ctrl+G and the call it opened, while they are open. The shift handover of Ctrl+L, while it is open. File &gt; Export for the GPO, while it is open. The first start of a new desk, while it is open.</extracomment>
        <translation>Quitter Operline</translation>
    </message>
    <message>
        <source>A call is being typed and not saved. It is kept on this computer and will be offered back at the next start. Quit anyway?</source>
        <translation>Un appel est en cours de saisie et n&apos;est pas enregistré. Il est gardé sur cet ordinateur et sera proposé au prochain démarrage. Quitter quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Operline writes nothing more to it; the calls shown stay in sight. Note new calls on paper, close Operline and restore the last good backup.</source>
        <translation>Operline n&apos;y écrit plus rien&#xa0;; les appels affichés restent visibles. Notez les nouveaux appels sur papier, fermez Operline et restaurez la dernière bonne sauvegarde.</translation>
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
        <source>E&amp;xport for the GPO…</source>
        <translation>E&amp;xporter pour le GPO…</translation>
    </message>
    <message>
        <source>The week&apos;s calls, summary and hot spots as CSV files for the GPO</source>
        <translation>Les appels, le résumé et les points chauds de la semaine en fichiers CSV pour le GPO</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>Appe&amp;ls</translation>
    </message>
    <message>
        <source>&amp;New call</source>
        <translation>&amp;Nouvel appel</translation>
    </message>
    <message>
        <source>&amp;Go to a call…</source>
        <translation>&amp;Aller à un appel…</translation>
    </message>
    <message>
        <source>&amp;Change of operator…</source>
        <translation>&amp;Changement d&apos;opérateur…</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>Tableau de &amp;garde</translation>
    </message>
    <message>
        <source>&amp;Teams, sectors, places and roster…</source>
        <translation>Équipes, secteurs, lieux et &amp;gardes…</translation>
    </message>
    <message>
        <source>Desk &amp;settings…</source>
        <translation>&amp;Réglages du plateau…</translation>
    </message>
    <message>
        <source>Alert delays, the supervisor on call, late calls</source>
        <translation>Délais d&apos;alerte, superviseur d&apos;astreinte, appels saisis en retard</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>Open &amp;calls</source>
        <translation>&amp;Appels en cours</translation>
    </message>
    <message>
        <source>Call &amp;form</source>
        <translation>&amp;Fiche d&apos;appel</translation>
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
        <source>Nobody is signed in: a supervisor signs in ({key}) to edit the roster.</source>
        <translation>Personne n&apos;est connecté&#xa0;: un superviseur se connecte ({key}) pour modifier le tableau de garde.</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may edit the roster.</source>
        <translation>{name} est connecté comme opérateur&#xa0;: seul un superviseur peut modifier le tableau de garde.</translation>
    </message>
    <message>
        <source>Nobody is signed in: an administrator signs in ({key}) to change the desk&apos;s settings.</source>
        <translation>Personne n&apos;est connecté&#xa0;: un administrateur se connecte ({key}) pour modifier les réglages du plateau.</translation>
    </message>
    <message>
        <source>{name} is not an administrator: only an administrator may change the settings.</source>
        <translation>{name} n&apos;est pas administrateur&#xa0;: seul un administrateur peut modifier les réglages.</translation>
    </message>
    <message>
        <source>Nobody is signed in: a supervisor signs in ({key}) to export the week for the GPO.</source>
        <translation>Personne n&apos;est connecté&#xa0;: un superviseur se connecte ({key}) pour exporter la semaine pour le GPO.</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may export the week for the GPO.</source>
        <translation>{name} est connecté comme opérateur&#xa0;: seul un superviseur peut exporter la semaine pour le GPO.</translation>
    </message>
    <message>
        <source>Nobody signed in ({key})</source>
        <translation>Personne au poste ({key})</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>Au poste&#xa0;: {name}</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may open the week in charts (an operator consults the last 24 hours).</source>
        <translation>{name} est connecté comme opérateur&#xa0;: seul un superviseur peut ouvrir la semaine en graphiques (un opérateur consulte les dernières 24&#xa0;heures).</translation>
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
        <source>Writing the backup to {path}…</source>
        <translation>Écriture de la sauvegarde dans {path}…</translation>
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
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>The week in c&amp;harts</source>
        <translation>La semaine en &amp;graphiques</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>The &amp;history</source>
        <translation>L&apos;&amp;historique</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>H&amp;istorique</translation>
    </message>
</context>
<context>
    <name>NewCallForm</name>
    <message>
        <source>New call</source>
        <extracomment>Alt+1 … Alt+7 choose the need from any field. How often « Received at » is set to the desk&apos;s clock again while the form is untouched. The operator changed something. The chosen sector&apos;s id, or None. When the call was received (UTC). Ctrl+Enter or the Save button.</extracomment>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Reçu à</translation>
    </message>
    <message>
        <source>Urgent (U)</source>
        <translation>Urgent (U)</translation>
    </message>
    <message>
        <source>e.g. 01 99 00 12 34</source>
        <translation>par ex. 01 99 00 12 34</translation>
    </message>
    <message>
        <source>No name, no identity: only what coordination needs</source>
        <translation>Pas de nom, pas d&apos;identité&#xa0;: seulement ce que la coordination exige</translation>
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
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Calling crew</source>
        <translation>Équipage appelant</translation>
    </message>
    <message>
        <source>Callback number</source>
        <translation>Numéro de rappel</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Type a few letters, then Enter</source>
        <translation>Tapez quelques lettres, puis Entrée</translation>
    </message>
    <message>
        <source>Address, landmark</source>
        <translation>Adresse, point de repère</translation>
    </message>
    <message>
        <source>Save the call ({keys})</source>
        <translation>Enregistrer l&apos;appel ({keys})</translation>
    </message>
    <message>
        <source>Save the call</source>
        <translation>Enregistrer l&apos;appel</translation>
    </message>
    <message>
        <source>&amp;Sector *</source>
        <translation>&amp;Secteur *</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>Li&amp;eu</translation>
    </message>
    <message>
        <source>P&amp;ersons</source>
        <translation>&amp;Personnes</translation>
    </message>
    <message>
        <source>Callin&amp;g crew</source>
        <translation>É&amp;quipage appelant</translation>
    </message>
    <message>
        <source>These notes seem to hold {found}: remove it.</source>
        <translation>Ces notes semblent contenir {found}&#xa0;: retirez ce qui identifie la personne.</translation>
    </message>
    <message>
        <source>Nee&amp;d *</source>
        <translation>&amp;Besoin *</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Call&amp;back</source>
        <translation>N° de &amp;rappel</translation>
    </message>
    <message>
        <source>Received a&amp;t</source>
        <translation>Reç&amp;u à</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
</context>
<context>
    <name>NextContactPanel</name>
    <message>
        <source>Whom to call next</source>
        <translation>Qui appeler ensuite</translation>
    </message>
    <message>
        <source>{key}: route the call to a team</source>
        <translation>{key}&#xa0;: transmettre l&apos;appel à une équipe</translation>
    </message>
    <message>
        <source>{key}: hand the call to another team</source>
        <translation>{key}&#xa0;: confier l&apos;appel à une autre équipe</translation>
    </message>
    <message>
        <source>{reference}: no answer from {team}, contacted at {time} ({age} ago).</source>
        <translation>{reference}&#xa0;: pas de réponse de {team}, contactée à {time} (il y a {age}).</translation>
    </message>
    <message>
        <source>{reference}: no team reached for {age}.</source>
        <translation>{reference}&#xa0;: aucune équipe jointe depuis {age}.</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>pas de téléphone</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>renfort</translation>
    </message>
    <message>
        <source>first call</source>
        <translation>premier appel</translation>
    </message>
    <message>
        <source>{number}. {team} ({tier}, until {until}): {phone}</source>
        <translation>{number}. {team} ({tier}, jusqu&apos;à {until})&#xa0;: {phone}</translation>
    </message>
    <message>
        <source>No other team is on duty in {sector}.</source>
        <translation>Aucune autre équipe n&apos;est de garde&#xa0;: {sector}.</translation>
    </message>
    <message>
        <source>Then the supervisor on call: {phone}</source>
        <translation>Ensuite, le superviseur d&apos;astreinte&#xa0;: {phone}</translation>
    </message>
    <message>
        <source>No supervisor number is set in the desk&apos;s settings.</source>
        <translation>Aucun numéro de superviseur n&apos;est indiqué dans les réglages du plateau.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add a note</source>
        <translation>Ajouter une note</translation>
    </message>
    <message>
        <source>No name, no identity: only what the coordination needs.</source>
        <translation>Pas de nom, pas d&apos;identité&#xa0;: seulement ce que la coordination exige.</translation>
    </message>
    <message>
        <source>Note</source>
        <extracomment>The note as it was when the operator was asked to remove what looks identifying.</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Record ({keys})</source>
        <translation>Enregistrer ({keys})</translation>
    </message>
    <message>
        <source>This note seems to hold {found}: remove it, or press {keys} again to record it as it is.</source>
        <translation>Cette note semble contenir {found}&#xa0;: retirez ce qui identifie la personne, ou appuyez de nouveau sur {keys} pour l&apos;enregistrer telle quelle.</translation>
    </message>
    <message>
        <source>{count} / {limit} characters</source>
        <translation>{count} / {limit} caractères</translation>
    </message>
    <message>
        <source>This note seems to hold {found}: remove it.</source>
        <translation>Cette note semble contenir {found}&#xa0;: retirez ce qui identifie la personne.</translation>
    </message>
</context>
<context>
    <name>NotesCheck</name>
    <message>
        <source>a name ({text})</source>
        <extracomment>How the form and its prompt name each kind, before the text found.</extracomment>
        <translation>un nom ({text})</translation>
    </message>
    <message>
        <source>a date of birth ({text})</source>
        <translation>une date de naissance ({text})</translation>
    </message>
    <message>
        <source>a phone number ({text})</source>
        <translation>un numéro de téléphone ({text})</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline: reconnecting to the database…</source>
        <translation>Hors ligne&#xa0;: reconnexion à la base de données…</translation>
    </message>
    <message>
        <source>Offline: the board shown dates from {time}; other desks&apos; changes are not seen until the database answers again (reconnecting by itself).</source>
        <translation>Hors ligne&#xa0;: le tableau affiché date de {time}&#xa0;; les changements des autres postes ne sont pas vus tant que la base de données ne répond pas (reconnexion automatique).</translation>
    </message>
</context>
<context>
    <name>OperatorMessages</name>
    <message>
        <source>Character {position} of the name is an invisible control character ({character}): remove it.</source>
        <translation>Le caractère {position} du nom est un caractère de contrôle invisible ({character})&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>An operator&apos;s name holds 1 to {limit} characters.</source>
        <translation>Le nom d&apos;un opérateur compte de 1 à {limit} caractères.</translation>
    </message>
    <message>
        <source>{name} already works at the desk (or did: bring them back).</source>
        <translation>{name} travaille déjà au poste (ou y a travaillé&#xa0;: réintégrez-le).</translation>
    </message>
    <message>
        <source>Nobody called {name} works at the desk.</source>
        <translation>Personne du nom de {name} ne travaille au poste.</translation>
    </message>
</context>
<context>
    <name>OperatorPicker</name>
    <message>
        <source>Your name</source>
        <extracomment>Enter was pressed in the name, or a person double-clicked. A sentence for the host to show: nobody works at the desk yet, or a read failed. The operator not listed (the one handing over cannot take over from themselves).</extracomment>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>A few letters of your name</source>
        <translation>Quelques lettres de votre nom</translation>
    </message>
    <message>
        <source>People who may sign in</source>
        <translation>Personnes pouvant se connecter</translation>
    </message>
    <message>
        <source>Nobody works at this desk yet: add the operators with &apos;operline operator add NAME&apos;.</source>
        <translation>Personne n&apos;est encore inscrit à ce poste&#xa0;: ajoutez les opérateurs avec «&#xa0;operline operator add NOM&#xa0;».</translation>
    </message>
    <message>
        <source>{name} (supervisor)</source>
        <translation>{name} (superviseur)</translation>
    </message>
    <message>
        <source>{name} (administrator)</source>
        <translation>{name} (administrateur)</translation>
    </message>
</context>
<context>
    <name>OperatorSignIn</name>
    <message>
        <source>Sign in</source>
        <extracomment>Nobody has a password yet: the first person creates the first administrator. A demo database&apos;s accounts, shown under its banner; none on a real desk. Carries the OperatorInfo of the operator who signed in.</extracomment>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Sign in at the desk</source>
        <translation>Connexion au plateau</translation>
    </message>
    <message>
        <source>Type your login (your name) and your password.</source>
        <extracomment>Sign in the demo&apos;s operator as soon as the demo accounts are read.</extracomment>
        <translation>Tapez votre identifiant (votre nom) et votre mot de passe.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Mot de passe à nouveau</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>À &amp;nouveau</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>Premier administrateur</translation>
    </message>
    <message>
        <source>Nobody has a password on this desk yet. Create its first administrator: your name as the login, and a password of at least {length} characters, typed twice. Nobody else can create it, and no default password exists.</source>
        <translation>Personne n&apos;a encore de mot de passe sur ce plateau. Créez son premier administrateur&#xa0;: votre nom comme identifiant, et un mot de passe d&apos;au moins {length} caractères, tapé deux fois. Personne d&apos;autre ne peut le créer, et aucun mot de passe par défaut n&apos;existe.</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Créer et se connecter</translation>
    </message>
    <message>
        <source>Type your login: your name, as the desk knows it.</source>
        <translation>Tapez votre identifiant&#xa0;: votre nom, tel que le plateau le connaît.</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;: tapez deux fois le même.</translation>
    </message>
    <message>
        <source>Nobody matches this name.</source>
        <translation>Personne ne correspond à ce nom.</translation>
    </message>
</context>
<context>
    <name>ParisTime</name>
    <message>
        <source>{local} does not exist in Paris: the clocks jump forward one hour that night</source>
        <extracomment>Instants the desk accepts from users: far enough for any history or plan, and far from datetime&apos;s limits, so adding weeks or changing zone never overflows. Where &quot;now&quot; comes from: ``now_utc`` at the desk, a hand-moved clock in tests. The first instant that exists after the gap (the moment the clocks jump).</extracomment>
        <translation>{local} n&apos;existe pas à Paris&#xa0;: on avance les horloges d&apos;une heure cette nuit-là</translation>
    </message>
    <message>
        <source>{local} happens twice in Paris: the clocks go back one hour that night; give a UTC offset (+02:00 or +01:00)</source>
        <translation>{local} a lieu deux fois à Paris&#xa0;: on recule les horloges d&apos;une heure cette nuit-là&#xa0;; précisez le décalage UTC (+02:00 ou +01:00)</translation>
    </message>
    <message>
        <source>{text} is not a date and time (expected e.g. 2026-03-29T02:30 or 2026-03-29T02:30+01:00)</source>
        <translation>{text} n&apos;est pas une date et une heure (par exemple 2026-03-29T02:30 ou 2026-03-29T02:30+01:00)</translation>
    </message>
    <message>
        <source>{text} is out of the years Operline handles ({first} to {last})</source>
        <translation>{text} est hors des années que gère Operline ({first} à {last})</translation>
    </message>
</context>
<context>
    <name>PasswordMessages</name>
    <message>
        <source>The password holds {length} characters: {role_label} choose at least {shortest}.</source>
        <extracomment>Argon2 hashes any length; this only keeps a pasted book from tying up a desk. What may follow a common password and still leave it common: &quot;password1234!&quot;.</extracomment>
        <translation>Le mot de passe compte {length} caractères&#xa0;: les {role_label} en choisissent au moins {shortest}.</translation>
    </message>
    <message>
        <source>The password holds more than {longest} characters.</source>
        <translation>Le mot de passe compte plus de {longest} caractères.</translation>
    </message>
    <message>
        <source>This password is among the most common ones, the first an intruder tries: choose another (a few unrelated words make a good one).</source>
        <translation>Ce mot de passe est parmi les plus courants, les premiers qu&apos;un intrus essaie&#xa0;: choisissez-en un autre (quelques mots sans rapport entre eux en font un bon).</translation>
    </message>
    <message>
        <source>operators</source>
        <translation>opérateurs</translation>
    </message>
    <message>
        <source>supervisors</source>
        <translation>superviseurs</translation>
    </message>
    <message>
        <source>administrators</source>
        <translation>administrateurs</translation>
    </message>
</context>
<context>
    <name>PatternsPage</name>
    <message>
        <source>Weekly shifts</source>
        <translation>Créneaux hebdomadaires</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Choose a team</source>
        <translation>Choisissez une équipe</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Équipe</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>&amp;Rang</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Jours</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Heures</translation>
    </message>
    <message>
        <source>&amp;Sectors</source>
        <translation>&amp;Secteurs</translation>
    </message>
    <message>
        <source>&amp;Validity</source>
        <translation>&amp;Validité</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Su&amp;pprimer…</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (retirée)</translation>
    </message>
    <message>
        <source>Every sector</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <source>from {day}</source>
        <translation>à partir du {day}</translation>
    </message>
    <message>
        <source>until {day}</source>
        <translation>jusqu&apos;au {day}</translation>
    </message>
    <message>
        <source>24 hours, to the same time the next day</source>
        <translation>24 heures, jusqu&apos;à la même heure le lendemain</translation>
    </message>
    <message>
        <source>ends the next day</source>
        <translation>finit le lendemain</translation>
    </message>
    <message>
        <source>Delete the weekly shift of {team} ({days}, {hours})? The team will no longer be on duty then; calls already logged are not changed.</source>
        <translation>Supprimer le créneau hebdomadaire de {team} ({days}, {hours})&#xa0;? L&apos;équipe ne sera plus de garde à ces heures-là&#xa0;; les appels déjà enregistrés ne changent pas.</translation>
    </message>
    <message>
        <source>New weekly shift</source>
        <translation>Nouveau créneau hebdomadaire</translation>
    </message>
    <message>
        <source>Weekly shift of {team}</source>
        <translation>Créneau hebdomadaire de {team}</translation>
    </message>
</context>
<context>
    <name>PhoneMessages</name>
    <message>
        <source>{text} is not a phone number</source>
        <translation>{text} n&apos;est pas un numéro de téléphone</translation>
    </message>
    <message>
        <source>{text} is not a valid phone number</source>
        <translation>{text} n&apos;est pas un numéro de téléphone valide</translation>
    </message>
</context>
<context>
    <name>PlacesModel</name>
    <message>
        <source>Place</source>
        <extracomment>Reports typed at another desk show up within this time. A number is at most this long (ASSORE has over 600 places). The operator typed a number of free places: facility id, number.</extracomment>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Free tonight</source>
        <translation>Libres ce soir</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>Signalé à</translation>
    </message>
</context>
<context>
    <name>PlacesPanel</name>
    <message>
        <source>Places with room tonight</source>
        <extracomment>A report was recorded: carries the PlaceRoom. A sentence for the status bar.</extracomment>
        <translation>Places libres ce soir</translation>
    </message>
    <message>
        <source>{place}: {count} free place(s) at {time}.</source>
        <extracomment>The problem shown: a reading that failed (None), or a report refused at a place.</extracomment>
        <translation>{place}&#xa0;: {count} place(s) libre(s) à {time}.</translation>
    </message>
    <message>
        <source>Places, capacity and free places</source>
        <translation>Lieux, capacité et places libres</translation>
    </message>
    <message>
        <source>Type the number of free places, then Enter</source>
        <translation>Tapez le nombre de places libres, puis Entrée</translation>
    </message>
</context>
<context>
    <name>ReferenceMessages</name>
    <message>
        <source>sectors</source>
        <translation>des secteurs</translation>
    </message>
    <message>
        <source>teams</source>
        <translation>des équipes</translation>
    </message>
    <message>
        <source>places</source>
        <translation>des lieux</translation>
    </message>
    <message>
        <source>shift patterns</source>
        <translation>des gardes</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} et {last}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>The database {where} already holds {listed}; the Paris reference data only goes into a database without any, so nothing was changed.</source>
        <translation>La base {where} contient déjà {listed}&#xa0;; les données de référence de Paris ne vont que dans une base qui n’en a pas, rien n’a donc été modifié.</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>There is no such incident.</source>
        <extracomment>The last step recorded was undone: ``field`` changed back from old to new value. A supervisor corrected ``field`` in the day log, with a reason. The same, on a day already signed off: the day log flags it. The call came from the log kept before Operline: ``new_value`` names the file, and the line stands at the instant of the import, after the call&apos;s historical lines. A write refused because another desk changed the call first: ``field``, the value then current (``old_value``) and the value tried (``new_value``), in its author&apos;s name. The kinds of a correction line, flagged or not. The sentence of each refusal, as the window and the logs tell it.</extracomment>
        <translation>Cet appel n&apos;existe pas.</translation>
    </message>
    <message>
        <source>{reference} is closed.</source>
        <translation>{reference} est clos.</translation>
    </message>
    <message>
        <source>An orientation needs the place the person was oriented to.</source>
        <translation>Une orientation demande le lieu vers lequel la personne a été orientée.</translation>
    </message>
    <message>
        <source>This place does not exist or is no longer in use.</source>
        <translation>Ce lieu n&apos;existe pas ou n&apos;est plus utilisé.</translation>
    </message>
    <message>
        <source>Only an orientation names a place.</source>
        <translation>Seule une orientation nomme un lieu.</translation>
    </message>
    <message>
        <source>This team does not exist or is retired.</source>
        <translation>Cette équipe n&apos;existe pas ou est retirée.</translation>
    </message>
    <message>
        <source>{team} is not on duty in this sector: give a short reason.</source>
        <translation>{team} n&apos;est pas de garde dans ce secteur&#xa0;: donnez une raison courte.</translation>
    </message>
    <message>
        <source>{team} already has this call.</source>
        <translation>{team} a déjà cet appel.</translation>
    </message>
    <message>
        <source>Give the reason for handing the call to another team.</source>
        <translation>Donnez la raison du passage de l&apos;appel à une autre équipe.</translation>
    </message>
    <message>
        <source>A time in the future cannot be recorded.</source>
        <translation>Une heure dans le futur ne peut pas être enregistrée.</translation>
    </message>
    <message>
        <source>This time is before the previous stage ({previous}).</source>
        <translation>Cette heure est antérieure à l&apos;étape précédente ({previous}).</translation>
    </message>
    <message>
        <source>A time set back needs a reason.</source>
        <translation>Une heure antidatée demande une raison.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>La note est vide.</translation>
    </message>
    <message>
        <source>A note holds at most {limit} characters.</source>
        <translation>Une note contient au plus {limit} caractères.</translation>
    </message>
    <message>
        <source>The call cannot be saved: {problems}.</source>
        <translation>L&apos;appel ne peut pas être enregistré&#xa0;: {problems}.</translation>
    </message>
    <message>
        <source>Free places go from 0 to the capacity ({capacity}).</source>
        <translation>Les places libres vont de 0 à la capacité ({capacity}).</translation>
    </message>
    <message>
        <source>{reference} is at stage {status}: it cannot be {wanted} now.</source>
        <translation>{reference} est à l&apos;étape {status}&#xa0;: il ne peut pas être {wanted} maintenant.</translation>
    </message>
    <message>
        <source>The call cannot be saved: correct the fields in red.</source>
        <extracomment>The call form&apos;s refusal: the fields in red say the problems, one by one, better than the service&apos;s English list of them.</extracomment>
        <translation>L&apos;appel ne peut pas être enregistré&#xa0;: corrigez les champs en rouge.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <source>A call cannot be received in the future.</source>
        <translation>Un appel ne peut pas être reçu dans le futur.</translation>
    </message>
    <message>
        <source>Not a phone number (e.g. 01 99 00 12 34).</source>
        <translation>Ce n&apos;est pas un numéro de téléphone (par ex. 01 99 00 12 34).</translation>
    </message>
    <message>
        <source>Character {position} is an invisible control character ({character}): remove it.</source>
        <translation>Le caractère {position} est un caractère de contrôle invisible ({character})&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>This sector does not exist or is retired.</source>
        <translation>Ce secteur n&apos;existe pas ou est retiré.</translation>
    </message>
    <message>
        <source>Between 1 and 50 people.</source>
        <translation>Entre 1 et 50 personnes.</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>{limit} caractères au plus.</translation>
    </message>
    <message>
        <source>Character {position} of the note is an invisible control character ({character}): remove it.</source>
        <translation>Le caractère {position} de la note est un caractère de contrôle invisible ({character})&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>Character {position} of the reason is an invisible control character ({character}): remove it.</source>
        <translation>Le caractère {position} de la raison est un caractère de contrôle invisible ({character})&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>Character {position} of the new value is an invisible control character ({character}): remove it.</source>
        <translation>Le caractère {position} de la nouvelle valeur est un caractère de contrôle invisible ({character})&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>{reference} was changed at another desk meanwhile; check it and try again.</source>
        <translation>{reference} a été modifié à un autre poste entre-temps&#xa0;; vérifiez-le et réessayez.</translation>
    </message>
    <message>
        <source>This time is after the next stage ({next}).</source>
        <translation>Cette heure est après l&apos;étape suivante ({next}).</translation>
    </message>
    <message>
        <source>{reference} has not reached this stage: there is no time to correct.</source>
        <translation>{reference} n&apos;a pas atteint cette étape&#xa0;: il n&apos;y a pas d&apos;heure à corriger.</translation>
    </message>
    <message>
        <source>A correction needs a reason.</source>
        <translation>Une correction demande un motif.</translation>
    </message>
    <message>
        <source>The new value is the one already recorded.</source>
        <translation>La nouvelle valeur est celle déjà enregistrée.</translation>
    </message>
    <message>
        <source>{reference} is not closed: it has no outcome to correct.</source>
        <translation>{reference} n&apos;est pas clos&#xa0;: il n&apos;a pas d&apos;issue à corriger.</translation>
    </message>
    <message>
        <source>This value does not fit the field corrected.</source>
        <translation>Cette valeur ne convient pas au champ corrigé.</translation>
    </message>
</context>
<context>
    <name>RepeatPlacesModel</name>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
</context>
<context>
    <name>RetentionKeeper</name>
    <message>
        <source>Retention: notes of {notes} call(s) erased, {anonymised} call(s) anonymised.</source>
        <extracomment>A day between two purges while the desk stays open. A sentence for the status bar. A purge finished: carries its PurgeReport.</extracomment>
        <translation>Conservation&#xa0;: notes de {notes} appel(s) effacées, {anonymised} appel(s) anonymisé(s).</translation>
    </message>
    <message>
        <source>The retention purge did not run: {problem}</source>
        <translation>La purge de conservation n&apos;a pas eu lieu&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>RightsMessages</name>
    <message>
        <source>Nobody is signed in at {workstation}: sign in to log or follow a call.</source>
        <extracomment>Log a call, link one, route, record stages, notes and free places. Open a call&apos;s detail, a day&apos;s journal or search the history (audited); without ``CONSULT_ARCHIVE``, only the calls received in the last ``RECENT`` hours. The history beyond the last 24 hours: older calls, earlier days&apos; logs, the week figures and the sector figures&apos; past weeks (a supervisor&apos;s). Teams, sectors, places, weekly shifts, exceptions, the roster file. The settings every desk shares (an administrator&apos;s). Who works at the desk, their role, password and lock (an administrator&apos;s). Correct a field or a stage time of a call in the day log, with a reason. Sign off the day log. Write the weekly files the desk sends its partners (the GPO export). Bring the call log kept before Operline into the history (``operline import calls``). Export the audit trail for a data-protection officer, and apply its retention. What only an administrator may do. Rights only a person signed in holds: a call&apos;s timeline names who handled or corrected it, a day&apos;s sign-off who signed it. The sentence of a refusal for want of someone signed in.</extracomment>
        <translation>Personne n&apos;est connecté au poste {workstation}&#xa0;: connectez-vous pour saisir ou suivre un appel.</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may change the roster (teams, sectors, places, shifts and exceptions).</source>
        <extracomment>The sentence of each refusal for want of a supervisor&apos;s role.</extracomment>
        <translation>{name} est connecté comme opérateur&#xa0;: seul un superviseur peut modifier le planning (équipes, secteurs, lieux, créneaux et exceptions).</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may export the week for the GPO.</source>
        <translation>{name} est connecté(e) comme opérateur&#xa0;: seul un superviseur peut exporter la semaine pour le GPO.</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may consult the history beyond the last 24 hours (older calls, earlier days, the week figures).</source>
        <translation>{name} est connecté comme opérateur&#xa0;: seul un superviseur peut consulter l&apos;historique au-delà des dernières 24&#xa0;heures (appels plus anciens, jours précédents, chiffres de la semaine).</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may import the earlier call log.</source>
        <translation>{name} est connecté comme opérateur&#xa0;: seul un superviseur peut importer l&apos;ancien journal des appels.</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may export or prune the audit trail.</source>
        <translation>{name} est connecté(e) comme opérateur&#xa0;: seul un superviseur peut exporter ou purger le journal d’audit.</translation>
    </message>
    <message>
        <source>{name} is not an administrator: only an administrator may change the desk&apos;s settings.</source>
        <extracomment>The sentence of each refusal for want of an administrator&apos;s role.</extracomment>
        <translation>{name} n&apos;est pas administrateur&#xa0;: seul un administrateur peut modifier les réglages du plateau.</translation>
    </message>
    <message>
        <source>{name} is not an administrator: only an administrator may add, retire or bring back a person, change a role, a password or a lock.</source>
        <translation>{name} n&apos;est pas administrateur&#xa0;: seul un administrateur peut ajouter, retirer ou faire revenir une personne, changer un rôle, un mot de passe ou un verrouillage.</translation>
    </message>
    <message>
        <source>Nobody is signed in at {workstation}: a supervisor signs in to correct or sign off the day log.</source>
        <extracomment>The same, for what only a supervisor signed in does to the day log.</extracomment>
        <translation>Personne n&apos;est connecté au poste {workstation}&#xa0;: un superviseur se connecte pour corriger ou signer le journal.</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may correct the day log.</source>
        <translation>{name} est connecté(e) comme opérateur&#xa0;: seul un superviseur peut corriger le journal.</translation>
    </message>
    <message>
        <source>{name} is signed in as an operator: only a supervisor may sign off the day log.</source>
        <translation>{name} est connecté(e) comme opérateur&#xa0;: seul un superviseur peut signer le journal.</translation>
    </message>
</context>
<context>
    <name>RosterEditor</name>
    <message>
        <source>Roster editor</source>
        <extracomment>A change to the roster was saved (teams, sectors, shifts or exceptions), after it went on the change bus: for screens that read the roster only when shown.</extracomment>
        <translation>Planning des équipes</translation>
    </message>
    <message>
        <source>&amp;Teams</source>
        <translation>É&amp;quipes</translation>
    </message>
    <message>
        <source>&amp;Sectors</source>
        <translation>&amp;Secteurs</translation>
    </message>
    <message>
        <source>&amp;Places</source>
        <translation>&amp;Lieux</translation>
    </message>
    <message>
        <source>&amp;Weekly shifts</source>
        <translation>&amp;Créneaux hebdomadaires</translation>
    </message>
    <message>
        <source>E&amp;xceptions</source>
        <translation>E&amp;xceptions</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
</context>
<context>
    <name>RosterEditorDialog</name>
    <message>
        <source>Teams and roster</source>
        <translation>Équipes et planning</translation>
    </message>
</context>
<context>
    <name>RosterFile</name>
    <message>
        <source>line {line}: {reason}</source>
        <extracomment>A roster is a few hundred rows; far more is a wrong file, refused before any work. Records a problem of a column of the row being read: (column, reason).</extracomment>
        <translation>ligne {line}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {reason}</source>
        <translation>ligne {line}, colonne {column}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>character {position} is an invisible control character ({character})</source>
        <translation>le caractère {position} est un caractère de contrôle invisible ({character})</translation>
    </message>
    <message>
        <source>the file is {size} bytes, more than a roster can be ({most} bytes at most): is it the right file?</source>
        <translation>le fichier fait {size} octets, plus qu&apos;un planning ne peut faire ({most} octets au plus)&#xa0;: est-ce le bon fichier&#xa0;?</translation>
    </message>
    <message>
        <source>the file has {rows} rows, more than a roster can be ({most} rows at most): is it the right file?</source>
        <translation>le fichier a {rows} lignes, plus qu&apos;un planning ne peut en avoir ({most} lignes au plus)&#xa0;: est-ce le bon fichier&#xa0;?</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {byte})</source>
        <translation>le fichier n&apos;est pas du texte UTF-8 (octet {byte})</translation>
    </message>
    <message>
        <source>the header row is missing ({columns})</source>
        <translation>la ligne d&apos;en-tête manque ({columns})</translation>
    </message>
    <message>
        <source>{count} fields, expected {expected}</source>
        <translation>{count} champs, {expected} attendus</translation>
    </message>
    <message>
        <source>a field is longer than {most} characters</source>
        <translation>un champ dépasse {most} caractères</translation>
    </message>
    <message>
        <source>the file cannot be read as CSV ({detail})</source>
        <translation>le fichier ne se lit pas en CSV ({detail})</translation>
    </message>
    <message>
        <source>the same shift as line {first}</source>
        <translation>le même créneau qu&apos;à la ligne {first}</translation>
    </message>
    <message>
        <source>missing from the header</source>
        <translation>absente de l&apos;en-tête</translation>
    </message>
    <message>
        <source>not a roster column</source>
        <translation>pas une colonne du planning</translation>
    </message>
    <message>
        <source>columns must come in this order: {columns}</source>
        <translation>les colonnes doivent venir dans cet ordre&#xa0;: {columns}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>plus de {limit} caractères</translation>
    </message>
    <message>
        <source>{text} is not 1 (called first) or 2 (backup)</source>
        <translation>{text} n&apos;est ni 1 (appelée en premier) ni 2 (renfort)</translation>
    </message>
    <message>
        <source>{until} is before valid_from {since}</source>
        <translation>{until} est avant valid_from {since}</translation>
    </message>
    <message>
        <source>give sector names separated by | or * for every sector</source>
        <translation>donnez des noms de secteurs séparés par | ou * pour tous les secteurs</translation>
    </message>
    <message>
        <source>{text} is not a day (lun…dim, mon…sun) or a range like lun-ven</source>
        <translation>{text} n&apos;est pas un jour (lun…dim, mon…sun) ni une plage comme lun-ven</translation>
    </message>
    <message>
        <source>{text} is not a time of day HH:MM</source>
        <translation>{text} n&apos;est pas une heure HH:MM</translation>
    </message>
    <message>
        <source>{text} is not a date YYYY-MM-DD</source>
        <translation>{text} n&apos;est pas une date AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>{text} differs from line {first} for the same team</source>
        <translation>{text} diffère de la ligne {first} pour la même équipe</translation>
    </message>
</context>
<context>
    <name>RosterMessages</name>
    <message>
        <source>unknown sector {name} (sectors: {known})</source>
        <translation>secteur inconnu {name} (secteurs&#xa0;: {known})</translation>
    </message>
    <message>
        <source>the exception ends ({ends}) before it starts ({starts})</source>
        <translation>l&apos;exception finit ({ends}) avant de commencer ({starts})</translation>
    </message>
    <message>
        <source>the exception ends in the past ({ends})</source>
        <translation>l&apos;exception finit dans le passé ({ends})</translation>
    </message>
    <message>
        <source>give a reason for the exception</source>
        <translation>donnez un motif à l&apos;exception</translation>
    </message>
    <message>
        <source>{team} cannot replace itself</source>
        <translation>{team} ne peut pas se remplacer elle-même</translation>
    </message>
    <message>
        <source>there is no roster exception {id}</source>
        <translation>il n&apos;y a pas d&apos;exception au planning {id}</translation>
    </message>
    <message>
        <source>the roster exception {id} was already removed ({when})</source>
        <translation>l&apos;exception au planning {id} a déjà été retirée ({when})</translation>
    </message>
    <message>
        <source>unknown team {name} (active teams: {known})</source>
        <translation>équipe inconnue {name} (équipes actives&#xa0;: {known})</translation>
    </message>
    <message>
        <source>the file holds no shift: importing it would remove all {count} shifts of the roster; give --replace-all if that is meant</source>
        <extracomment>The share of the current shifts an import may remove without ``replace_all``. How many ids one statement names at most, well under every backend&apos;s limit. The patterns in force before that the file no longer holds, ended by the import.</extracomment>
        <translation>le fichier ne contient aucun créneau&#xa0;: l&apos;importer retirerait les {count} créneaux du planning&#xa0;; ajoutez --replace-all si c&apos;est voulu</translation>
    </message>
    <message>
        <source>the file would remove or change {removed} of the roster&apos;s {count} shifts (more than {share}); give --replace-all if that is meant</source>
        <translation>le fichier retirerait ou modifierait {removed} des {count} créneaux du planning (plus de {share})&#xa0;; ajoutez --replace-all si c&apos;est voulu</translation>
    </message>
    <message>
        <source>unknown sector(s): {listed}; add them first or import with --create-sectors</source>
        <translation>secteur(s) inconnu(s)&#xa0;: {listed}&#xa0;; ajoutez-les d&apos;abord ou importez avec --create-sectors</translation>
    </message>
</context>
<context>
    <name>RosterProblems</name>
    <message>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>{limit} caractères au plus.</translation>
    </message>
    <message>
        <source>Character {position} is an invisible control character ({character}): remove it.</source>
        <translation>Le caractère {position} est un caractère de contrôle invisible ({character})&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>{name} already exists.</source>
        <translation>{name} existe déjà.</translation>
    </message>
    <message>
        <source>{name} already exists, retired: bring it back instead.</source>
        <translation>{name} existe déjà, retiré&#xa0;: réactivez-le plutôt.</translation>
    </message>
    <message>
        <source>Not a phone number (e.g. 01 99 00 12 34 or +33 1 99 00 12 34).</source>
        <translation>Ce n&apos;est pas un numéro de téléphone (par ex. 01 99 00 12 34 ou +33 1 99 00 12 34).</translation>
    </message>
    <message>
        <source>A number of places cannot be negative.</source>
        <translation>Un nombre de places ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>This team does not exist.</source>
        <translation>Cette équipe n&apos;existe pas.</translation>
    </message>
    <message>
        <source>{name} is retired.</source>
        <translation>{name} est retiré.</translation>
    </message>
    <message>
        <source>A chosen sector does not exist.</source>
        <translation>Un des secteurs choisis n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Choose at least one sector, or every sector.</source>
        <translation>Choisissez au moins un secteur, ou tous les secteurs.</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>Choisissez au moins un jour.</translation>
    </message>
    <message>
        <source>The tier is 1 (called first) or 2 (backup).</source>
        <translation>Le rang est 1 (appelée en premier) ou 2 (renfort).</translation>
    </message>
    <message>
        <source>Ends before it starts ({start}).</source>
        <translation>Finit avant de commencer ({start}).</translation>
    </message>
    <message>
        <source>Ends before it starts.</source>
        <translation>Finit avant de commencer.</translation>
    </message>
    <message>
        <source>Already over.</source>
        <translation>Déjà terminé.</translation>
    </message>
    <message>
        <source>Choose what changes: off, replaced or added.</source>
        <translation>Choisissez ce qui change&#xa0;: absente, remplacée ou ajoutée.</translation>
    </message>
    <message>
        <source>Choose the team that takes over.</source>
        <translation>Choisissez l&apos;équipe qui prend le relais.</translation>
    </message>
    <message>
        <source>A team cannot replace itself.</source>
        <translation>Une équipe ne peut pas se remplacer elle-même.</translation>
    </message>
    <message>
        <source>Someone else removed this entry; nothing was saved.</source>
        <translation>Quelqu&apos;un d&apos;autre a supprimé cette entrée&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Without a duty phone the desk cannot call this team.</source>
        <translation>Sans téléphone de garde, le plateau ne peut pas appeler cette équipe.</translation>
    </message>
    <message>
        <source>{name} has no duty phone: the desk cannot call it.</source>
        <translation>{name} n&apos;a pas de téléphone de garde&#xa0;: le plateau ne peut pas l&apos;appeler.</translation>
    </message>
    <message>
        <source>This team already works then: {days} {start}–{end} in {sectors}.</source>
        <translation>Cette équipe travaille déjà à ce moment-là&#xa0;: {days} {start}–{end} à {sectors}.</translation>
    </message>
    <message>
        <source>{team} is also called first then: {days} {start}–{end} in {sectors}.</source>
        <translation>{team} est aussi appelée en premier à ce moment-là&#xa0;: {days} {start}–{end} à {sectors}.</translation>
    </message>
</context>
<context>
    <name>RosterTexts</name>
    <message>
        <source>Mon</source>
        <extracomment>Short day names, Monday first, as on the day buttons.</extracomment>
        <translation>lun.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message>
        <source>Monday</source>
        <extracomment>Full day names, for screen readers.</extracomment>
        <translation>lundi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>mardi</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>mercredi</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jeudi</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vendredi</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>samedi</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>dimanche</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Absente</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Remplacée</translation>
    </message>
    <message>
        <source>Added to the roster</source>
        <translation>Ajoutée au planning</translation>
    </message>
    <message>
        <source>This team already works at that time:</source>
        <translation>Cette équipe travaille déjà à ce moment-là&#xa0;:</translation>
    </message>
    <message>
        <source>Also called first at that time:</source>
        <translation>Aussi appelée en premier à ce moment-là&#xa0;:</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>1 – called first</source>
        <translation>1 – appelée en premier</translation>
    </message>
    <message>
        <source>2 – backup</source>
        <translation>2 – renfort</translation>
    </message>
</context>
<context>
    <name>RoutingPanel</name>
    <message>
        <source>Teams to route the call to</source>
        <extracomment>The call was routed: carries the IncidentState the service returned. A sentence for the status bar.</extracomment>
        <translation>Équipes à qui transmettre l&apos;appel</translation>
    </message>
    <message>
        <source>{reference} was not routed: it waits on the live board.</source>
        <extracomment>The teams read last, kept when the form empties after a save: the saved call&apos;s. The saved call waiting for its team, if any. The team chosen is being recorded. What the problem shown was about: the team chosen then, and whether a reason. Both versions of a call another desk changed before its routing, while shown.</extracomment>
        <translation>{reference} n&apos;a été transmis à aucune équipe&#xa0;: il attend dans les appels en cours.</translation>
    </message>
    <message>
        <source>Save the call first ({keys}); then Enter records the team.</source>
        <translation>Enregistrez d&apos;abord l&apos;appel ({keys})&#xa0;; puis Entrée enregistre l&apos;équipe.</translation>
    </message>
    <message>
        <source>Choose a team in the list.</source>
        <translation>Choisissez une équipe dans la liste.</translation>
    </message>
    <message>
        <source>{reference}: {team} contacted at {time}.</source>
        <translation>{reference}&#xa0;: {team} contactée à {time}.</translation>
    </message>
    <message>
        <source>No team selected: nothing was copied.</source>
        <translation>Aucune équipe choisie&#xa0;: rien n&apos;a été copié.</translation>
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
        <source>Teams on duty</source>
        <translation>Équipes de garde</translation>
    </message>
    <message>
        <source>Choose the sector: its teams on duty appear here.</source>
        <translation>Choisissez le secteur&#xa0;: ses équipes de garde s&apos;affichent ici.</translation>
    </message>
    <message>
        <source>Teams on duty at {time}</source>
        <translation>Équipes de garde à {time}</translation>
    </message>
    <message>
        <source>No team on duty for this sector</source>
        <translation>Aucune équipe de garde pour ce secteur</translation>
    </message>
    <message>
        <source>No first-call team on duty: backups only</source>
        <translation>Aucune équipe de garde en premier&#xa0;: renforts seulement</translation>
    </message>
    <message>
        <source>{reference} saved: call the team, then Enter to record it.</source>
        <translation>{reference} enregistré&#xa0;: appelez l&apos;équipe, puis Entrée pour noter le contact.</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>&amp;Reason (team not on duty here)</source>
        <translation>&amp;Motif (équipe pas de garde ici)</translation>
    </message>
    <message>
        <source>Reason for a team not on duty here</source>
        <translation>Motif pour une équipe pas de garde ici</translation>
    </message>
    <message>
        <source>e.g. no answer from the team on duty</source>
        <translation>par ex. pas de réponse de l&apos;équipe de garde</translation>
    </message>
    <message>
        <source>Show every team</source>
        <translation>Afficher toutes les équipes</translation>
    </message>
    <message>
        <source>Enter: team contacted · {copy}: copy its phone · {all}: every team</source>
        <translation>Entrée&#xa0;: équipe contactée · {copy}&#xa0;: copier son numéro · {all}&#xa0;: toutes les équipes</translation>
    </message>
    <message>
        <source>Copy the team&apos;s phone</source>
        <translation>Copier le numéro de l&apos;équipe</translation>
    </message>
    <message>
        <source>Team</source>
        <extracomment>The RoutingRow of a line. The neighbouring sector the team is on duty in.</extracomment>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Rôle</translation>
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
        <source>first call</source>
        <translation>en premier</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>renfort</translation>
    </message>
    <message>
        <source>on duty in {sector}</source>
        <translation>de garde à {sector}</translation>
    </message>
    <message>
        <source>backup, other sector</source>
        <translation>renfort, autre secteur</translation>
    </message>
    <message>
        <source>not on duty</source>
        <translation>pas de garde</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>pas de téléphone</translation>
    </message>
</context>
<context>
    <name>SectorChoice</name>
    <message>
        <source>Every sector, new ones included</source>
        <translation>Tous les secteurs, nouveaux compris</translation>
    </message>
    <message>
        <source>Every sector</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <source>Sectors covered</source>
        <translation>Secteurs couverts</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (retiré)</translation>
    </message>
</context>
<context>
    <name>SectorRefusal</name>
    <message>
        <source>No sector is called {typed}. Did you mean {names}?</source>
        <translation>Aucun secteur ne s&apos;appelle {typed}. Vouliez-vous dire {names}&#xa0;?</translation>
    </message>
    <message>
        <source>No sector is called {typed}, nor anything near. A call from outside the sectors goes in {outside}.</source>
        <translation>Aucun secteur ne s&apos;appelle {typed}, ni rien d&apos;approchant. Un appel venu d&apos;ailleurs va dans {outside}.</translation>
    </message>
    <message>
        <source>No sector is called {typed}: type a few letters of an active sector.</source>
        <translation>Aucun secteur ne s&apos;appelle {typed}&#xa0;: tapez quelques lettres d&apos;un secteur actif.</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <extracomment>A name as the sentence quotes it.</extracomment>
        <translation>«&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Between the names proposed, and before the last one.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
</context>
<context>
    <name>SectorStripBar</name>
    <message>
        <source>Sectors</source>
        <extracomment>Shows every sector (declared with every other key in operline.ui.shortcuts). Shows one sector, in the strip&apos;s order. Opens one sector&apos;s view, in the strip&apos;s order. The sector chosen (an id), or None for all sectors. The view of a sector was asked for (carries its id).</extracomment>
        <translation>Secteurs</translation>
    </message>
    <message numerus="yes">
        <source>%n very late</source>
        <translation>
            <numerusform>%n très en retard</numerusform>
            <numerusform>%n très en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing late</source>
        <translation>aucun retard</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <source>All sectors: {count} open call(s), {summary}</source>
        <translation>Tous les secteurs&#xa0;: appels en cours {count}, {summary}</translation>
    </message>
    <message>
        <source>no team</source>
        <translation>aucune équipe</translation>
    </message>
    <message>
        <source>{sector}: {count} open call(s), {late} late; on duty: {team}</source>
        <translation>{sector}&#xa0;: appels en cours {count}, en retard {late}&#xa0;; de garde&#xa0;: {team}</translation>
    </message>
</context>
<context>
    <name>SectorView</name>
    <message>
        <source>Sector</source>
        <extracomment>A sentence for the status bar. The sector&apos;s figures were shown (carries the ``SectorFigures``).</extracomment>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Sector {sector}</source>
        <extracomment>The sector shown (or being read), and its figures once read. Follows the change bus and the roster&apos;s next handoff.</extracomment>
        <translation>Secteur {sector}</translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation>À {time}</translation>
    </message>
    <message>
        <source>Open calls ({count})</source>
        <translation>Appels en cours ({count})</translation>
    </message>
    <message>
        <source>Today&apos;s log ({count})</source>
        <translation>Journal du jour ({count})</translation>
    </message>
    <message>
        <source>No team on duty</source>
        <translation>Aucune équipe de garde</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <source>From {time}</source>
        <translation>À partir de {time}</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>pas de téléphone</translation>
    </message>
    <message>
        <source>first call</source>
        <translation>premier appel</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>renfort</translation>
    </message>
    <message>
        <source>Only a supervisor sees the weeks&apos; delays: an operator consults the last 24 hours.</source>
        <translation>Seul un superviseur voit les délais des semaines&#xa0;: un opérateur consulte les dernières 24&#xa0;heures.</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Calls per day, last {days} days</source>
        <translation>Appels par jour, {days} derniers jours</translation>
    </message>
    <message>
        <source>Teams on duty</source>
        <translation>Équipes de garde</translation>
    </message>
    <message>
        <source>Time to acknowledgement</source>
        <translation>Délai de prise en compte</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90e centile</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Pris en compte</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Semaine dernière</translation>
    </message>
    <message>
        <source>Places that recur, last {days} days</source>
        <translation>Lieux qui reviennent, {days} derniers jours</translation>
    </message>
    <message>
        <source>No place came back twice.</source>
        <translation>Aucun lieu n&apos;est revenu deux fois.</translation>
    </message>
    <message>
        <source>Open calls</source>
        <translation>Appels en cours</translation>
    </message>
    <message>
        <source>Today&apos;s log</source>
        <translation>Journal du jour</translation>
    </message>
</context>
<context>
    <name>SectorsPage</name>
    <message>
        <source>Sectors</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <source>Sector name</source>
        <translation>Nom du secteur</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Retire…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Créneaux</translation>
    </message>
    <message>
        <source>Retire the sector {name}? It will no longer be offered for new calls; the calls already logged there keep it.</source>
        <translation>Retirer le secteur {name}&#xa0;? Il ne sera plus proposé pour les nouveaux appels&#xa0;; les appels déjà enregistrés le gardent.</translation>
    </message>
    <message>
        <source>New sector</source>
        <translation>Nouveau secteur</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (retiré)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Urgent call turns amber after (minutes without acknowledgement)</source>
        <extracomment>What each setting is called on screen; a setting without one shows its key.</extracomment>
        <translation>Appel urgent en orange après (minutes sans prise en compte)</translation>
    </message>
    <message>
        <source>Normal call turns amber after (minutes without acknowledgement)</source>
        <translation>Appel normal en orange après (minutes sans prise en compte)</translation>
    </message>
    <message>
        <source>Supervisor on call (phone)</source>
        <translation>Superviseur d&apos;astreinte (téléphone)</translation>
    </message>
    <message>
        <source>Ask before saving a call received more than (hours ago)</source>
        <translation>Demander avant d&apos;enregistrer un appel reçu il y a plus de (heures)</translation>
    </message>
    <message>
        <source>A step can be undone (Ctrl+Z) for (minutes)</source>
        <translation>Une étape s&apos;annule (Ctrl+Z) pendant (minutes)</translation>
    </message>
    <message>
        <source>Erase a call&apos;s notes after it is closed (days)</source>
        <translation>Effacer les notes d&apos;un appel après sa clôture (jours)</translation>
    </message>
    <message>
        <source>Anonymise a call after (years)</source>
        <translation>Anonymiser un appel après (années)</translation>
    </message>
    <message>
        <source>Audit entries are kept for (months, 12 to 36)</source>
        <translation>Durée de conservation des entrées d’audit (mois, de 12 à 36)</translation>
    </message>
    <message>
        <source>Mask the window after (minutes without a key or a click, 30 at most)</source>
        <translation>Masquer la fenêtre après (minutes sans touche ni clic, 30 au plus)</translation>
    </message>
    <message>
        <source>Automatic backup of the SQLite file every (hours, 1 to 24)</source>
        <translation>Sauvegarde automatique du fichier SQLite toutes les (heures, de 1 à 24)</translation>
    </message>
    <message>
        <source>Open the window in high contrast (1 yes, 0 no)</source>
        <translation>Ouvrir la fenêtre en contraste élevé (1 oui, 0 non)</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <extracomment>The sentence of each problem, as the settings dialog and the command line tell it.</extracomment>
        <translation>{value} n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>{value} is not between {low} and {high} {unit}</source>
        <translation>{value} n&apos;est pas entre {low} et {high}&#xa0;{unit}</translation>
    </message>
    <message>
        <source>{value} is not a phone number</source>
        <translation>{value} n&apos;est pas un numéro de téléphone</translation>
    </message>
    <message>
        <source>it must hold {low} to {high} characters</source>
        <translation>il doit compter de {low} à {high}&#xa0;caractères</translation>
    </message>
    <message>
        <source>character {position} is an invisible control character ({character})</source>
        <translation>le caractère {position} est un caractère de contrôle invisible ({character})</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>years</source>
        <translation>ans</translation>
    </message>
    <message>
        <source>months</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>{key}: {reason}</source>
        <translation>{key}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>(1 yes, 0 no)</source>
        <translation>(1 oui, 0 non)</translation>
    </message>
    <message>
        <source>unknown setting {key} (settings: {known})</source>
        <translation>réglage inconnu {key} (réglages&#xa0;: {known})</translation>
    </message>
    <message>
        <source>Desk settings</source>
        <translation>Réglages du plateau</translation>
    </message>
    <message>
        <source>Shared by every desk of this database. Each change is audited.</source>
        <translation>Communs à tous les postes de cette base. Chaque modification est tracée.</translation>
    </message>
    <message>
        <source>Not saved: the value of “{field}” was refused ({reason}).</source>
        <translation>Non enregistré&#xa0;: la valeur de «&#xa0;{field}&#xa0;» a été refusée ({reason}).</translation>
    </message>
    <message>
        <source>Desk&apos;s name (head of the day log)</source>
        <translation>Nom du plateau (en-tête du journal)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <source>Change of operator (shift change)</source>
        <translation>Changement d&apos;opérateur (relève)</translation>
    </message>
    <message>
        <source>Handover: hand over to the next operator</source>
        <translation>Relève&#xa0;: passer la main</translation>
    </message>
    <message>
        <source>Edit teams, sectors, places and the roster</source>
        <translation>Modifier les équipes, les secteurs, les lieux et le tableau de garde</translation>
    </message>
    <message>
        <source>New call: save</source>
        <translation>Nouvel appel&#xa0;: enregistrer</translation>
    </message>
    <message>
        <source>New call: urgent or not</source>
        <translation>Nouvel appel&#xa0;: urgent ou non</translation>
    </message>
    <message>
        <source>New call: choose the need</source>
        <translation>Nouvel appel&#xa0;: choisir le besoin</translation>
    </message>
    <message>
        <source>New call: go to the teams on duty</source>
        <translation>Nouvel appel&#xa0;: aller aux équipes de garde</translation>
    </message>
    <message>
        <source>New call: go to the places with room</source>
        <translation>Nouvel appel&#xa0;: aller aux places libres</translation>
    </message>
    <message>
        <source>Teams: copy the selected team&apos;s phone</source>
        <translation>Équipes&#xa0;: copier le numéro de l&apos;équipe choisie</translation>
    </message>
    <message>
        <source>Routing: show every team</source>
        <translation>Transmission&#xa0;: afficher toutes les équipes</translation>
    </message>
    <message>
        <source>Calls: route to a team</source>
        <translation>Appels&#xa0;: transmettre à une équipe</translation>
    </message>
    <message>
        <source>Calls: the team acknowledged</source>
        <translation>Appels&#xa0;: l&apos;équipe a pris en compte</translation>
    </message>
    <message>
        <source>Calls: acknowledged earlier (with a reason)</source>
        <translation>Appels&#xa0;: pris en compte plus tôt (avec un motif)</translation>
    </message>
    <message>
        <source>Calls: the team is on scene</source>
        <translation>Appels&#xa0;: l&apos;équipe est sur place</translation>
    </message>
    <message>
        <source>Calls: on scene earlier (with a reason)</source>
        <translation>Appels&#xa0;: sur place plus tôt (avec un motif)</translation>
    </message>
    <message>
        <source>Calls: close with an outcome</source>
        <translation>Appels&#xa0;: clore avec une issue</translation>
    </message>
    <message>
        <source>Calls: hand to another team (with a reason)</source>
        <translation>Appels&#xa0;: confier à une autre équipe (avec un motif)</translation>
    </message>
    <message>
        <source>Calls: add a note</source>
        <translation>Appels&#xa0;: ajouter une note</translation>
    </message>
    <message>
        <source>Calls: undo my last step (5 minutes)</source>
        <translation>Appels&#xa0;: annuler ma dernière étape (5 minutes)</translation>
    </message>
    <message>
        <source>Changed at another desk: apply my entry over it</source>
        <translation>Appel modifié à un autre poste&#xa0;: appliquer ma saisie par-dessus</translation>
    </message>
    <message>
        <source>Calls: every sector</source>
        <translation>Appels&#xa0;: tous les secteurs</translation>
    </message>
    <message>
        <source>Calls: only one sector</source>
        <translation>Appels&#xa0;: un seul secteur</translation>
    </message>
    <message>
        <source>Journal: previous day</source>
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
        <source>Enter</source>
        <extracomment>English source text, translated when shown. Further keys doing the same (Ctrl+Enter beside Ctrl+Return), or the rest of a family (Alt+2 … Alt+7 after Alt+1); the list shows them as one line. Qt writes the Enter key &quot;Return&quot; or &quot;Enter&quot; in every language; the desk says one word.</extracomment>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Show the open calls</source>
        <translation>Afficher les appels en cours</translation>
    </message>
    <message>
        <source>Show the call form</source>
        <translation>Afficher la fiche d&apos;appel</translation>
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
        <source>Open a call by its reference or number</source>
        <translation>Ouvrir un appel par sa référence ou son numéro</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Lister les raccourcis clavier</translation>
    </message>
    <message>
        <source>Quit Operline</source>
        <translation>Quitter Operline</translation>
    </message>
    <message>
        <source>Journal, charts: print the day log or the week</source>
        <translation>Journal, graphiques&#xa0;: imprimer la journée ou la semaine</translation>
    </message>
    <message>
        <source>Journal, charts: save as PDF</source>
        <translation>Journal, graphiques&#xa0;: enregistrer en PDF</translation>
    </message>
    <message>
        <source>History: open the view of the call&apos;s sector</source>
        <translation>Historique&#xa0;: ouvrir la vue du secteur de l&apos;appel</translation>
    </message>
    <message>
        <source>Roster editor: save the form</source>
        <translation>Planning&#xa0;: enregistrer le formulaire</translation>
    </message>
    <message>
        <source>Roster editor: new entry</source>
        <translation>Planning&#xa0;: nouvelle entrée</translation>
    </message>
    <message>
        <source>Roster editor: retire or delete the selection</source>
        <translation>Planning&#xa0;: retirer ou supprimer la sélection</translation>
    </message>
    <message>
        <source>Calls: open one sector&apos;s view</source>
        <translation>Appels&#xa0;: ouvrir la vue d&apos;un secteur</translation>
    </message>
    <message>
        <source>Show the week in charts</source>
        <translation>Afficher la semaine en graphiques</translation>
    </message>
    <message>
        <source>Charts: previous week</source>
        <translation>Graphiques&#xa0;: semaine précédente</translation>
    </message>
    <message>
        <source>Charts: next week</source>
        <translation>Graphiques&#xa0;: semaine suivante</translation>
    </message>
    <message>
        <source>Calls, journal, history: open the call and its timeline</source>
        <translation>Appels, journal, historique&#xa0;: ouvrir l&apos;appel et sa chronologie</translation>
    </message>
    <message>
        <source>Show the history of the calls</source>
        <translation>Afficher l&apos;historique des appels</translation>
    </message>
    <message>
        <source>History: go to the search and the filters</source>
        <translation>Historique&#xa0;: aller à la recherche et aux filtres</translation>
    </message>
    <message>
        <source>History: search again</source>
        <translation>Historique&#xa0;: relancer la recherche</translation>
    </message>
    <message>
        <source>Journal: correct the call (supervisors)</source>
        <translation>Journal&#xa0;: corriger l&apos;appel (superviseurs)</translation>
    </message>
    <message>
        <source>Journal: sign off the day (supervisors)</source>
        <translation>Journal&#xa0;: signer la journée (superviseurs)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>The two tables, first the one on the left.</extracomment>
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
    <name>StageDialog</name>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>no place given</source>
        <translation>lieu non précisé</translation>
    </message>
</context>
<context>
    <name>StageKeys</name>
    <message>
        <source>Open the call</source>
        <extracomment>The stage each stage key needs the call to be at. The widget the keys act in: their actions and dialogs belong to it. The dialog a key opened, while it is open. The last step this desk recorded and the sentence that told it, for Ctrl+Z.</extracomment>
        <translation>Ouvrir l&apos;appel</translation>
    </message>
    <message>
        <source>Route to a team…</source>
        <translation>Transmettre à une équipe…</translation>
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
        <source>Close…</source>
        <translation>Clore…</translation>
    </message>
    <message>
        <source>Hand to another team…</source>
        <translation>Confier à une autre équipe…</translation>
    </message>
    <message>
        <source>Add a note…</source>
        <translation>Ajouter une note…</translation>
    </message>
    <message>
        <source>Acknowledged at an earlier time…</source>
        <translation>Pris en compte plus tôt…</translation>
    </message>
    <message>
        <source>On scene at an earlier time…</source>
        <translation>Sur place plus tôt…</translation>
    </message>
    <message>
        <source>Enter: open · {route}: route · {ack}: acknowledged · {scene}: on scene · {close}: close · {reassign}: other team · {note}: note · {ack_earlier}, {scene_earlier}: at an earlier time · {first}…{last}: one sector, {all}: all</source>
        <translation>Entrée&#xa0;: ouvrir · {route}&#xa0;: transmettre · {ack}&#xa0;: pris en compte · {scene}&#xa0;: sur place · {close}&#xa0;: clore · {reassign}&#xa0;: autre équipe · {note}&#xa0;: note · {ack_earlier}, {scene_earlier}&#xa0;: plus tôt · {first}…{last}&#xa0;: un secteur, {all}&#xa0;: tous</translation>
    </message>
    <message>
        <source>Sign in before opening a call: each opening is recorded.</source>
        <translation>Connectez-vous avant d&apos;ouvrir un appel&#xa0;: chaque ouverture est tracée.</translation>
    </message>
    <message>
        <source>{reference} handed to {team}.</source>
        <translation>{reference} confié à {team}.</translation>
    </message>
    <message>
        <source>{reference}: {team} contacted at {time}.</source>
        <translation>{reference}&#xa0;: {team} contactée à {time}.</translation>
    </message>
    <message>
        <source>Hand {reference} to another team</source>
        <translation>Confier {reference} à une autre équipe</translation>
    </message>
    <message>
        <source>Route {reference} to a team</source>
        <translation>Transmettre {reference} à une équipe</translation>
    </message>
    <message>
        <source>{reference} closed: oriented to {place}.</source>
        <translation>{reference} clos&#xa0;: orienté vers {place}.</translation>
    </message>
    <message>
        <source>{reference} closed: {outcome}.</source>
        <translation>{reference} clos&#xa0;: {outcome}.</translation>
    </message>
    <message>
        <source>Note added to {reference}.</source>
        <translation>Note ajoutée à {reference}.</translation>
    </message>
    <message>
        <source>Select a call first (arrow keys).</source>
        <translation>Choisissez d&apos;abord un appel (flèches).</translation>
    </message>
    <message>
        <source>Nobody is signed in at this desk: sign in first.</source>
        <translation>Personne n&apos;est connecté à ce poste&#xa0;: connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>{reference}: {stage} at {time}.</source>
        <translation>{reference}&#xa0;: {stage} à {time}.</translation>
    </message>
</context>
<context>
    <name>StageRefusal</name>
    <message>
        <source>routed to a team</source>
        <extracomment>Answers a choice: what refused it, or None when it was recorded. Records a choice, then calls the reply. Outcomes in the order their digit keys pick them. What the reason field of a stage holds at most (the service keeps 300 characters).</extracomment>
        <translation>transmis à une équipe</translation>
    </message>
    <message>
        <source>marked acknowledged</source>
        <translation>marqué pris en compte</translation>
    </message>
    <message>
        <source>marked on scene</source>
        <translation>marqué sur place</translation>
    </message>
    <message>
        <source>handed to another team</source>
        <translation>confié à une autre équipe</translation>
    </message>
</context>
<context>
    <name>StageTimeDialog</name>
    <message>
        <source>{stage} at an earlier time</source>
        <translation>{stage} plus tôt</translation>
    </message>
    <message>
        <source>Type the time it happened and why it is recorded only now.</source>
        <translation>Saisissez l&apos;heure réelle et la raison de cette saisie tardive.</translation>
    </message>
    <message>
        <source>Why it is recorded late</source>
        <translation>Raison de la saisie tardive</translation>
    </message>
</context>
<context>
    <name>StageTimeFields</name>
    <message>
        <source>Time it happened</source>
        <translation>Heure réelle</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Needed when the time is set back by more than 2 minutes</source>
        <translation>Requis si l&apos;heure est antidatée de plus de 2 minutes</translation>
    </message>
    <message>
        <source>&amp;At (Paris time)</source>
        <translation>&amp;Heure (Paris)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
</context>
<context>
    <name>StartChoicePage</name>
    <message>
        <source>What the desk starts from</source>
        <translation>Avec quoi le poste démarre</translation>
    </message>
    <message>
        <source>Whatever you choose, a supervisor changes it later under Roster &gt; Teams, sectors, places and roster…</source>
        <translation>Quel que soit votre choix, un superviseur le modifie ensuite dans Tableau de garde &gt; Équipes, secteurs, lieux et gardes…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>The &amp;Paris reference data</source>
        <translation>Données de référence de &amp;Paris</translation>
    </message>
    <message>
        <source>Start with the Paris reference data</source>
        <translation>Démarrer avec les données de référence de Paris</translation>
    </message>
    <message>
        <source>The six sectors of north-east Paris, the teams of the line (maraudes, mediation, UASA, ELA, Fluid-Crack), the places people are oriented to and their weekly shifts. No call.</source>
        <translation>Les six secteurs du nord-est parisien, les équipes de la ligne (maraudes, médiation, UASA, ELA, Fluid-Crack), les lieux d’orientation et leurs gardes de la semaine. Aucun appel.</translation>
    </message>
    <message>
        <source>&amp;Import a roster (CSV)</source>
        <translation>&amp;Importer un planning (CSV)</translation>
    </message>
    <message>
        <source>Import a roster CSV file</source>
        <translation>Importer un fichier CSV de planning</translation>
    </message>
    <message>
        <source>Roster file to import</source>
        <translation>Fichier de planning à importer</translation>
    </message>
    <message>
        <source>The roster file, e.g. planning.csv</source>
        <translation>Le fichier de planning, par ex. planning.csv</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Choose the roster file</source>
        <translation>Choisir le fichier de planning</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>Commencer &amp;vide</translation>
    </message>
    <message>
        <source>Start with an empty desk</source>
        <translation>Commencer avec un poste vide</translation>
    </message>
    <message>
        <source>No sector, team nor place yet: a supervisor adds them under Roster.</source>
        <translation>Aucun secteur, aucune équipe ni aucun lieu pour l’instant&#xa0;: un superviseur les ajoute dans Tableau de garde.</translation>
    </message>
    <message>
        <source>Roster files (*.csv);;All files (*)</source>
        <translation>Fichiers de planning (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the roster file to import, or another way to start.</source>
        <translation>Choisissez le fichier de planning à importer, ou une autre façon de démarrer.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>The desk is ready</source>
        <translation>Le poste est prêt</translation>
    </message>
    <message>
        <source>{name} is the desk&apos;s administrator, signed in.</source>
        <translation>{name} est l’administrateur du poste, connecté.</translation>
    </message>
    <message>
        <source>The Paris reference data is in: {sectors} sectors, {teams} teams, {places} places and {shifts} weekly shifts.</source>
        <translation>Les données de référence de Paris sont en place&#xa0;: {sectors} secteurs, {teams} équipes, {places} lieux et {shifts} gardes de la semaine.</translation>
    </message>
    <message>
        <source>{file} is imported: {shifts} weekly shifts, {teams} new teams and {sectors} new sectors.</source>
        <translation>{file} est importé&#xa0;: {shifts} gardes de la semaine, {teams} nouvelles équipes et {sectors} nouveaux secteurs.</translation>
    </message>
    <message>
        <source>The places people are oriented to are added under Roster, as needed.</source>
        <translation>Les lieux d’orientation s’ajoutent dans Tableau de garde, au besoin.</translation>
    </message>
    <message>
        <source>The desk is empty: add its sectors, teams, places and shifts under Roster &gt; Teams, sectors, places and roster…</source>
        <translation>Le poste est vide&#xa0;: ajoutez ses secteurs, équipes, lieux et gardes dans Tableau de garde &gt; Équipes, secteurs, lieux et gardes…</translation>
    </message>
    <message>
        <source>Next: add the desk&apos;s people with &apos;operline operator add NAME&apos;.</source>
        <translation>Ensuite&#xa0;: ajoutez les personnes du poste avec «&#xa0;operline operator add NOM&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message>
        <source>Summary per sector</source>
        <translation>Résumé par secteur</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>&amp;Team (1–9)</source>
        <translation>É&amp;quipe (1–9)</translation>
    </message>
    <message>
        <source>Required: why the call goes to another team</source>
        <translation>Obligatoire&#xa0;: pourquoi l&apos;appel passe à une autre équipe</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Motif (obligatoire)</translation>
    </message>
    <message>
        <source>Needed for a team not on duty, or a time set back</source>
        <translation>Requis pour une équipe pas de garde ou une heure antidatée</translation>
    </message>
    <message>
        <source>Choose a team (keys 1 to 9, or the arrows).</source>
        <translation>Choisissez une équipe (touches 1 à 9, ou les flèches).</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>pas de téléphone</translation>
    </message>
    <message>
        <source>not on duty</source>
        <translation>pas de garde</translation>
    </message>
    <message>
        <source>first call until {time}</source>
        <translation>en premier jusqu&apos;à {time}</translation>
    </message>
    <message>
        <source>backup until {time}</source>
        <translation>en renfort jusqu&apos;à {time}</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <source>Teams</source>
        <extracomment>The spin box value that stands for &quot;no number of places given&quot;.</extracomment>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>Nom de l&apos;équipe</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Duty phone</source>
        <translation>Téléphone de garde</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisme</translation>
    </message>
    <message>
        <source>Duty &amp;phone</source>
        <translation>&amp;Téléphone de garde</translation>
    </message>
    <message>
        <source>&amp;Retire…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Créneaux</translation>
    </message>
    <message numerus="yes">
        <source>Retire {name}? The desk will no longer route calls to it and its %n weekly shift(s) will stop counting. Calls it handled keep its name.</source>
        <translation>
            <numerusform>Retirer {name}&#xa0;? Le plateau ne lui transmettra plus d&apos;appels et son créneau hebdomadaire (%n) ne comptera plus. Les appels qu&apos;elle a traités gardent son nom.</numerusform>
            <numerusform>Retirer {name}&#xa0;? Le plateau ne lui transmettra plus d&apos;appels et ses %n créneaux hebdomadaires ne compteront plus. Les appels qu&apos;elle a traités gardent son nom.</numerusform>
        </translation>
    </message>
    <message>
        <source>New team</source>
        <translation>Nouvelle équipe</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (retirée)</translation>
    </message>
</context>
<context>
    <name>UndoKey</name>
    <message>
        <source>Undo my last step</source>
        <extracomment>The stage keys: the last step they recorded is the one undone.</extracomment>
        <translation>Annuler ma dernière étape</translation>
    </message>
    <message>
        <source>Nobody is signed in at this desk: sign in first.</source>
        <translation>Personne n&apos;est connecté à ce poste&#xa0;: connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>No step recorded here to undo.</source>
        <translation>Aucune étape enregistrée ici à annuler.</translation>
    </message>
    <message>
        <source>Undone: {step} {reference} is back at stage {stage}.</source>
        <translation>Annulé&#xa0;: {step} {reference} revient à l&apos;étape «&#xa0;{stage}&#xa0;».</translation>
    </message>
    <message>
        <source>Last step undone: {reference} is back at stage {stage}.</source>
        <translation>Dernière étape annulée&#xa0;: {reference} revient à l&apos;étape «&#xa0;{stage}&#xa0;».</translation>
    </message>
    <message>
        <source>An undo is not applied over another desk&apos;s change: look at the call as it is now, and press {key} again on it if its last step still needs undoing.</source>
        <translation>Une annulation ne s&apos;applique pas par-dessus la modification d&apos;un autre poste&#xa0;: regardez l&apos;appel tel qu&apos;il est maintenant, et appuyez de nouveau sur {key} sur cet appel si sa dernière étape doit encore être annulée.</translation>
    </message>
</context>
<context>
    <name>UndoRefusals</name>
    <message>
        <source>{reference} has no step to undo.</source>
        <extracomment>Lines that are no step: a note or a call linked in can follow a step and leave it undoable. Lines no undo reaches behind: the last undo, the call logged, the call imported (whose steps are the earlier log&apos;s history, typed by nobody at this desk). The sentence of each refusal, as the window and the logs tell it.</extracomment>
        <translation>{reference} n&apos;a aucune étape à annuler.</translation>
    </message>
    <message>
        <source>{reference}: the last step was recorded at {time}; a step can be undone for {minutes} minutes only.</source>
        <translation>{reference}&#xa0;: la dernière étape a été enregistrée à {time}&#xa0;; une étape ne s&apos;annule que pendant {minutes} minutes.</translation>
    </message>
    <message>
        <source>{reference}: the last step was recorded by {name}; only they can undo it.</source>
        <translation>{reference}&#xa0;: la dernière étape a été enregistrée par {name}&#xa0;; seule cette personne peut l&apos;annuler.</translation>
    </message>
</context>
<context>
    <name>UpgradeProgress</name>
    <message>
        <source>Copying the database before its upgrade…</source>
        <translation>Copie de la base de données avant sa mise à jour…</translation>
    </message>
    <message>
        <source>Bringing the database up to date…</source>
        <translation>Mise à jour de la base de données…</translation>
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
    <message>
        <source>summer time</source>
        <translation>heure d&apos;été</translation>
    </message>
    <message>
        <source>winter time</source>
        <translation>heure d&apos;hiver</translation>
    </message>
</context>
<context>
    <name>WeekChartsPrint</name>
    <message>
        <source>The printer or the file cannot be written.</source>
        <translation>L&apos;imprimante ou le fichier ne peut pas être écrit.</translation>
    </message>
</context>
<context>
    <name>WeekDashboard</name>
    <message>
        <source>The week in charts</source>
        <extracomment>A sentence for the status bar. The figures of a week were shown (carries the ``WeekFigures``).</extracomment>
        <translation>La semaine en graphiques</translation>
    </message>
    <message>
        <source>&amp;Previous week</source>
        <extracomment>The figures shown, once read.</extracomment>
        <translation>Semaine &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Next week</source>
        <translation>Semaine &amp;suivante</translation>
    </message>
    <message>
        <source>Pr&amp;int the charts…</source>
        <translation>Imp&amp;rimer les graphiques…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en PD&amp;F…</translation>
    </message>
    <message>
        <source>Week {number}: from {start} to {end}</source>
        <extracomment>Reads the week again when a change touches it.</extracomment>
        <translation>Semaine {number}&#xa0;: du {start} au {end}</translation>
    </message>
    <message>
        <source>(a week of {hours} hours: the clocks changed)</source>
        <translation>(une semaine de {hours} heures&#xa0;: changement d&apos;heure)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n appel</numerusform>
            <numerusform>%n appels</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} with no team on duty ({share}&#xa0;%)</source>
        <translation>{count} sans équipe de garde ({share}&#xa0;%)</translation>
    </message>
    <message>
        <source>Calls per day and sector</source>
        <translation>Appels par jour et par secteur</translation>
    </message>
    <message>
        <source>No call this week.</source>
        <translation>Aucun appel cette semaine.</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90e centile</translation>
    </message>
    <message>
        <source>{sector} (n = {count})</source>
        <translation>{sector} (n = {count})</translation>
    </message>
    <message>
        <source>Time to acknowledgement per sector (minutes)</source>
        <translation>Délai de prise en compte par secteur (minutes)</translation>
    </message>
    <message>
        <source>No call acknowledged this week.</source>
        <translation>Aucun appel pris en compte cette semaine.</translation>
    </message>
    <message>
        <source>@value min</source>
        <translation>@value min</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Encore en cours</translation>
    </message>
    <message>
        <source>Charts of the week</source>
        <translation>Graphiques de la semaine</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>Calls by hour of day (Paris time) and weekday</source>
        <translation>Appels par heure (heure de Paris) et jour de la semaine</translation>
    </message>
    <message>
        <source>Calls with no team on duty</source>
        <translation>Appels sans équipe de garde</translation>
    </message>
    <message>
        <source>Calls with no team on duty, per sector</source>
        <translation>Appels sans équipe de garde, par secteur</translation>
    </message>
    <message>
        <source>No call without a team on duty this week.</source>
        <translation>Aucun appel sans équipe de garde cette semaine.</translation>
    </message>
    <message>
        <source>The charts of the week are still being read.</source>
        <translation>Les graphiques de la semaine sont en cours de lecture.</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}: check the folder.</source>
        <translation>Le PDF n&apos;a pas pu être écrit dans {path}&#xa0;: vérifiez le dossier.</translation>
    </message>
    <message>
        <source>Charts saved in {path}.</source>
        <translation>Graphiques enregistrés dans {path}.</translation>
    </message>
    <message>
        <source>The charts of the week were sent to the printer.</source>
        <translation>Les graphiques de la semaine ont été envoyés à l&apos;imprimante.</translation>
    </message>
    <message>
        <source>Save the charts as PDF</source>
        <translation>Enregistrer les graphiques en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
</context>
<context>
    <name>WeekPicker</name>
    <message>
        <source>&amp;Week:</source>
        <extracomment>Carries the step asked (+1 or -1). Enter was pressed: the text typed is to be read. Carries the ``IsoWeek`` chosen. Carries the sentence refusing what was typed.</extracomment>
        <translation>&amp;Semaine&#xa0;:</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédente</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>Previous week ({key})</source>
        <translation>Semaine précédente ({key})</translation>
    </message>
    <message>
        <source>ISO week, e.g. 2026-W48</source>
        <translation>Semaine ISO, par exemple 2026-W48</translation>
    </message>
    <message>
        <source>Type a week as 2026-W48 then Enter; Up and Down step by one week.</source>
        <translation>Tapez une semaine comme 2026-W48 puis Entrée&#xa0;; Haut et Bas avancent ou reculent d&apos;une semaine.</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivante ▶</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <source>Next week ({key})</source>
        <translation>Semaine suivante ({key})</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>(a week of {hours} hours: the clocks changed)</source>
        <translation>(une semaine de {hours} heures&#xa0;: changement d&apos;heure)</translation>
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
        <translation>← → heure, ↑ ↓ secteur, Page préc. Page suiv. jour, Début maintenant</translation>
    </message>
</context>
</TS>
