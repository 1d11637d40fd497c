import { q, col, n, has, areasIn, levelIn, counted, pluralForm, type MessageCode, type Wording } from './wording.ts';

/** The field errors' and CSV issues' wordings (`errors[].code`, row and file issues). Part of the one table (table.ts). */
const seatsLeft = { en: { one: 'seat left', other: 'seats left' }, fr: { one: 'place restante', other: 'places restantes' } };
const asked = { one: 'demandée', other: 'demandées' };

export const fieldWordings = {
  invalid: { en: () => 'This value is invalid', fr: () => 'Cette valeur n’est pas valide' },
  needs_members_view: {
    en: (p) => (p.what === 'sort' ? 'Sorting this way needs the View level on members' : 'Filtering on this needs the View level on members'),
    fr: (p) => (p.what === 'sort' ? 'Ce tri demande le niveau Consulter sur les membres' : 'Ce filtre demande le niveau Consulter sur les membres'),
  },
  invalid_type: { en: () => 'This value has the wrong type', fr: () => 'Cette valeur n’est pas du bon type' },
  invalid_format: { en: () => 'This value is not in the expected format', fr: () => 'Cette valeur n’a pas le format attendu' },
  invalid_choice: {
    en: (p) => `Choose one of the allowed values${has(p, 'options') ? ` (${p.options})` : ''}`,
    fr: (p) => `Choisissez l’une des valeurs permises${has(p, 'options') ? ` (${p.options})` : ''}`,
  },
  too_short: {
    en: (p) => `Must have at least ${n(p, 'min')} characters`,
    fr: (p) => `Doit comporter au moins ${n(p, 'min')} caractères`,
  },
  too_long: {
    en: (p) => `Must have at most ${n(p, 'max')} characters`,
    fr: (p) => `Doit comporter au plus ${n(p, 'max')} caractères`,
  },
  too_small: { en: (p) => `Must be at least ${n(p, 'min')}`, fr: (p) => `Doit valoir au moins ${n(p, 'min')}` },
  too_big: { en: (p) => `Must be at most ${n(p, 'max')}`, fr: (p) => `Doit valoir au plus ${n(p, 'max')}` },
  too_few: { en: (p) => `Give at least ${n(p, 'min')}`, fr: (p) => `Indiquez-en au moins ${n(p, 'min')}` },
  too_many: { en: (p) => `Give at most ${n(p, 'max')}`, fr: (p) => `Indiquez-en au plus ${n(p, 'max')}` },
  unknown_field: {
    en: (p) => `Unknown field${has(p, 'keys') ? ` ${p.keys}` : ''}; remove it`,
    fr: (p) => `Champ inconnu${has(p, 'keys') ? ` ${p.keys}` : ''} ; retirez-le`,
  },
  duplicate_in_batch: {
    en: (p, l) => `Username ${q(p.username, l)} is already used by member ${p.position} of this list`,
    fr: (p, l) => `Le nom d’utilisateur ${q(p.username, l)} est déjà utilisé par le membre ${p.position} de cette liste`,
  },
  unknown_member: { en: () => 'Unknown member', fr: () => 'Membre inconnu' },
  member_not_active: {
    en: (p) => (p.reason === 'contact' ? 'A disabled member cannot be a contact' : 'This member is not active'),
    fr: (p) => (p.reason === 'contact' ? 'Un membre désactivé ne peut pas être contact' : 'Ce membre n’est pas actif'),
  },
  same_member: { en: () => 'Must be another member', fr: () => 'Choisissez un autre membre' },
  not_owned: {
    en: (p) => `${p.kind === 'group' ? 'Group' : 'Content item'} ${p.id} is not owned by ${p.owner}`,
    fr: (p) => `${p.kind === 'group' ? 'Le groupe' : 'L’élément de contenu'} ${p.id} n’appartient pas à ${p.owner}`,
  },
  password_required: { en: () => 'Password is required', fr: () => 'Le mot de passe est obligatoire' },
  password_unchanged: { en: () => 'Must differ from the current password', fr: () => 'Doit être différent du mot de passe actuel' },
  wrong_password: { en: () => 'The current password is incorrect', fr: () => 'Le mot de passe actuel est incorrect' },
  unknown_license: {
    en: (p) => `Unknown licence${has(p, 'id') ? ` ${p.id}` : ''}`,
    fr: (p) => `Licence inconnue${has(p, 'id') ? ` ${p.id}` : ''}`,
  },
  incompatible_license: {
    en: (p, l) => `Licence ${q(p.name, l)} is not compatible with the user type ${q(p.userType, l)}`,
    fr: (p, l) => `La licence ${q(p.name, l)} n’est pas compatible avec le type d’utilisateur ${q(p.userTypeFr ?? p.userType, l)}`,
  },
  license_would_be_lost: {
    en: (p, l) => `The user type ${q(p.userType, l)} would lose these licences: ${p.names}. Send the licences to keep with the change.`,
    fr: (p, l) => `Avec le type d’utilisateur ${q(p.userTypeFr ?? p.userType, l)}, ces licences seraient perdues : ${p.names}. Indiquez les licences à garder avec la modification.`,
  },
  unknown_group: {
    en: (p) => `Unknown group${has(p, 'id') ? ` ${p.id}` : ''}`,
    fr: (p) => `Groupe inconnu${has(p, 'id') ? ` ${p.id}` : ''}`,
  },
  unknown_category: {
    en: (p) => `Unknown member category${has(p, 'id') ? ` ${p.id}` : ''}`,
    fr: (p) => `Catégorie de membre inconnue${has(p, 'id') ? ` ${p.id}` : ''}`,
  },
  too_many_categories: {
    en: (p) => `At most ${n(p, 'max')} member categories`,
    fr: (p) => `Au plus ${n(p, 'max')} catégories de membre`,
  },
  named_user_limit: {
    en: (p) => `The organization's named-user limit (${n(p, 'limit')}) is reached: ${n(p, 'used')} used, ${n(p, 'requested')} requested, ${n(p, 'short')} too many`,
    fr: (p) => `La limite d’utilisateurs nommés de l’organisation est de ${n(p, 'limit')}\u00a0: ${n(p, 'used')} utilisés, ${n(p, 'requested')} demandés, ${n(p, 'short')} de trop`,
  },
  user_type_seats: {
    en: (p) => `User type ${p.name ?? ''}: ${counted(n(p, 'left'), 'en', seatsLeft.en)}, ${n(p, 'requested')} requested (${n(p, 'short')} short)`,
    fr: (p) => `Type d’utilisateur ${p.nameFr ?? p.name ?? ''}\u00a0: ${counted(n(p, 'left'), 'fr', seatsLeft.fr)}, ${n(p, 'requested')}\u00a0${pluralForm(n(p, 'requested'), 'fr', asked)} (il en manque ${n(p, 'short')})`,
  },
  license_seats: {
    en: (p) => `Licence ${p.name ?? ''}: ${counted(n(p, 'left'), 'en', seatsLeft.en)}, ${n(p, 'requested')} requested (${n(p, 'short')} short)`,
    fr: (p) => `Licence ${p.name ?? ''}\u00a0: ${counted(n(p, 'left'), 'fr', seatsLeft.fr)}, ${n(p, 'requested')}\u00a0${pluralForm(n(p, 'requested'), 'fr', asked)} (il en manque ${n(p, 'short')})`,
  },
  level_above_own: {
    en: (p) => `Above your own level on ${areasIn(p, 'en')} (${levelIn(p, 'en')})`,
    fr: (p) => `Au-dessus de votre propre niveau sur ${areasIn(p, 'fr')} (${levelIn(p, 'fr')})`,
  },
  level_not_allowed: {
    en: (p) => `At most View on ${areasIn(p, 'en')}`,
    fr: (p) => `Au plus « Consulter » sur ${areasIn(p, 'fr')}`,
  },
  invalid_cursor: { en: () => 'Invalid cursor: start again from the first page', fr: () => 'Curseur invalide : recommencez à la première page' },
  format_not_enabled: {
    en: (p) => `${p.format === 'ldap' ? 'LDAP imports' : p.format === 'builtin' ? 'Built-in account imports' : 'Organization-login imports'} are not enabled in this organization`,
    fr: (p) =>
      `${p.format === 'ldap' ? 'Les imports LDAP ne sont pas activés' : p.format === 'builtin' ? 'Les imports de comptes intégrés ne sont pas activés' : 'Les imports de comptes d’organisation ne sont pas activés'} dans cette organisation`,
  },
  file_required: { en: () => 'Send the CSV file in the multipart field "file"', fr: () => 'Envoyez le fichier CSV dans le champ « file » du formulaire' },
  stale_rows: {
    en: () => 'A user type used in the file no longer exists; upload the file again',
    fr: () => 'Un type d’utilisateur utilisé dans le fichier n’existe plus ; chargez de nouveau le fichier',
  },

  empty_file: {
    en: () => 'The file is empty. Its first row must name the columns.',
    fr: () => 'Le fichier est vide. Sa première ligne doit contenir les noms des colonnes.',
  },
  missing_column: {
    en: (p) => `Missing column${Number(p.count) > 1 ? 's' : ''}: ${p.columns}. The first row must name the columns: ${p.expected}.`,
    fr: (p) =>
      `${Number(p.count) > 1 ? 'Colonnes manquantes' : 'Colonne manquante'} : ${p.columns}. La première ligne doit contenir les noms des colonnes : ${p.expected}.`,
  },
  duplicate_column: {
    en: (p) => `Columns ${p.columns} both give the ${p.label}; keep only one of them.`,
    fr: (p) => `Les colonnes ${p.columns} donnent toutes deux la valeur ${q(p.label, 'fr')} ; n’en gardez qu’une.`,
  },
  unknown_column: {
    en: (p, l) => `Column ${q(p.column, l)} is not a known column; it is ignored.`,
    fr: (p, l) => `La colonne ${q(p.column, l)} n’est pas une colonne connue ; elle est ignorée.`,
  },
  unused_column: {
    en: (p, l) => `Column ${q(p.column, l)} is not used by this kind of import; it is ignored.`,
    fr: (p, l) => `La colonne ${q(p.column, l)} ne sert pas pour ce type d’import ; elle est ignorée.`,
  },
  not_utf8: {
    en: () => 'The file is not UTF-8 text: accented letters are unreadable. In Excel, save it as "CSV UTF-8".',
    fr: () =>
      'Le fichier n’est pas encodé en UTF-8 : les lettres accentuées sont illisibles. Dans Excel, enregistrez-le au format « CSV UTF-8 ».',
  },
  mixed_encoding: {
    en: () =>
      'Part of the file is UTF-8 text and part of it is not (two encodings are mixed): accented letters would be wrong. In Excel, save it again as "CSV UTF-8".',
    fr: () =>
      "Une partie du fichier est encodée en UTF-8 et une autre non (deux encodages mélangés) : des lettres accentuées seraient fausses. Dans Excel, enregistrez-le de nouveau au format « CSV UTF-8 ».",
  },
  control_character: {
    en: (p, l) =>
      p.field
        ? `${col(p, l)} contains an invisible control character (${p.char})${p.cleared ? '; it was not kept: type it again' : '; it was removed: check the value and save the row'}`
        : !has(p, 'column')
          ? `This text contains an invisible control character${has(p, 'char') ? ` (${p.char})` : ''}; remove it and try again`
          : `Column ${q(p.column, l)} contains an invisible control character (${p.char}); the header can't be read. Save the file again from the spreadsheet as CSV.`,
    fr: (p, l) =>
      p.field
        ? `${q(col(p, l), l)} contient un caractère de contrôle invisible (${p.char})${p.cleared ? ' ; la valeur n’a pas été gardée : saisissez-la de nouveau' : ' ; il a été retiré : vérifiez la valeur puis enregistrez la ligne'}`
        : !has(p, 'column')
          ? `Ce texte contient un caractère de contrôle invisible${has(p, 'char') ? ` (${p.char})` : ''} ; retirez-le puis réessayez`
          : `La colonne ${q(p.column, l)} contient un caractère de contrôle invisible (${p.char}) ; l’en-tête est illisible. Enregistrez de nouveau le fichier au format CSV depuis le tableur.`,
  },
  read_as_windows_1252: {
    en: () =>
      'The file is not UTF-8: it was read as Windows-1252 (what Excel writes for "CSV (semicolon delimited)"). Check that the accented letters are right.',
    fr: () =>
      'Le fichier n’est pas encodé en UTF-8 : il a été lu comme Windows-1252 (l’encodage du format « CSV (séparateur : point-virgule) » d’Excel). Vérifiez que les lettres accentuées sont justes.',
  },
  no_rows: {
    en: () => 'The file has no member rows below its header.',
    fr: () => 'Le fichier ne contient aucune ligne de membre sous l’en-tête.',
  },
  too_many_rows: {
    en: (p) => `The file has more than ${p.max} rows; split it into several files.`,
    fr: (p) => `Le fichier contient plus de ${p.max} lignes ; découpez-le en plusieurs fichiers.`,
  },
  required: {
    en: (p, l) => `${p.field ? col(p, l) : 'This value'} is required${p.suggestion ? ` (for example "${p.suggestion}")` : ''}`,
    fr: (p, l) => `${p.field ? q(col(p, l), l) : 'Cette valeur'} est obligatoire${p.suggestion ? ` (par exemple « ${p.suggestion} »)` : ''}`,
  },
  invalid_email: {
    en: () => 'Enter a valid email address',
    fr: () => 'Saisissez une adresse e-mail valide',
  },
  email_apostrophe: {
    en: () => 'Email cannot contain an apostrophe',
    fr: () => 'L’adresse e-mail ne peut pas contenir d’apostrophe',
  },
  username_length: {
    en: (p) =>
      `Username must have between ${p.min} and ${p.max} characters (it ${p.kept !== undefined ? `had ${p.length}; only the first ${p.kept} were kept` : `has ${p.length}`})`,
    fr: (p) =>
      `Le nom d’utilisateur doit comporter entre ${p.min} et ${p.max} caractères (il ${p.kept !== undefined ? `en avait ${p.length} ; seuls les ${p.kept} premiers ont été gardés` : `en a ${p.length}`})`,
  },
  username_ascii: {
    en: () => 'Username may contain only ASCII letters, digits and symbols, without spaces or accents',
    fr: () => 'Le nom d’utilisateur ne peut contenir que des lettres, chiffres et symboles ASCII, sans espace ni accent',
  },
  // As a problem's detail, `details` lists the refused rules (the problem's field errors).
  weak_password: {
    en: (p) =>
      has(p, 'details')
        ? `${p.details}`
        : p.reason === 'common'
        ? 'This password is too common; choose another one'
        : p.reason === 'username'
          ? 'The password must not contain the username'
          : 'Password must have at least 8 characters, including a letter and a digit',
    fr: (p) =>
      has(p, 'details')
        ? `${p.details}`
        : p.reason === 'common'
        ? 'Ce mot de passe est trop courant ; choisissez-en un autre'
        : p.reason === 'username'
          ? 'Le mot de passe ne doit pas contenir le nom d’utilisateur'
          : 'Le mot de passe doit comporter au moins 8 caractères, dont au moins une lettre et un chiffre',
  },
  password_too_long: {
    en: (p) => `Password must have at most ${p.max} characters${p.length !== undefined ? ` (it had ${p.length}; it was not kept: type it again)` : ''}`,
    fr: (p) =>
      `Le mot de passe doit comporter au plus ${p.max} caractères${p.length !== undefined ? ` (il en avait ${p.length} ; il n’a pas été gardé : saisissez-le de nouveau)` : ''}`,
  },
  password_too_short: {
    en: (p) => `Password must have at least ${p.min} characters`,
    fr: (p) => `Le mot de passe doit comporter au moins ${p.min} caractères`,
  },
  password_needs_letter: { en: () => 'Password must contain at least one letter', fr: () => 'Le mot de passe doit contenir au moins une lettre' },
  password_needs_digit: { en: () => 'Password must contain at least one digit', fr: () => 'Le mot de passe doit contenir au moins un chiffre' },
  password_contains_username: {
    en: () => 'The password must not contain the username',
    fr: () => 'Le mot de passe ne doit pas contenir le nom d’utilisateur',
  },
  password_common: {
    en: () => 'This password is too common; choose another one',
    fr: () => 'Ce mot de passe est trop courant ; choisissez-en un autre',
  },
  setup_done: {
    en: () => 'This portal is already set up: sign in, or ask its operators for a new organization.',
    fr: () => 'Ce portail est déjà configuré : connectez-vous, ou demandez une nouvelle organisation à ses exploitants.',
  },
  setup_token_invalid: {
    en: () => 'This setup token is wrong or has expired. Use the token the server printed at start; restarting the server prints a new one.',
    fr: () => 'Ce jeton de configuration est faux ou a expiré. Utilisez celui que le serveur a affiché au démarrage ; un redémarrage en affiche un nouveau.',
  },
  slug_taken: {
    en: (p, l) => `The address name ${q(p.value, l)} is already used by another organization`,
    fr: (p, l) => `L’identifiant d’adresse ${q(p.value, l)} est déjà utilisé par une autre organisation`,
  },
  password_not_allowed: {
    en: () => 'Leave the password empty: invited members choose their own password',
    fr: () => 'Laissez le mot de passe vide : les membres invités choisissent eux-mêmes leur mot de passe',
  },
  value_too_long: {
    en: (p, l) => `${col(p, l)} must have at most ${p.max} characters${p.kept !== undefined ? ` (it had ${p.length}; only the first ${p.kept} were kept)` : ''}`,
    fr: (p, l) =>
      `${q(col(p, l), l)} doit comporter au plus ${p.max} caractères${p.kept !== undefined ? ` (la valeur en avait ${p.length} ; seuls les ${p.kept} premiers ont été gardés)` : ''}`,
  },
  unknown_role: {
    en: (p, l) => `Unknown role ${q(p.value, l)}${has(p, 'known') ? `. Give a role's key or name, e.g. ${p.known}` : ''}`,
    fr: (p, l) => `Rôle inconnu ${q(p.value, l)}${has(p, 'known') ? `. Indiquez la clé ou le nom d’un rôle, par exemple : ${p.known}` : ''}`,
  },
  ambiguous_role: {
    en: (p, l) => `Role ${q(p.value, l)} matches several roles (${p.matches}); give the role's key`,
    fr: (p, l) => `Le rôle ${q(p.value, l)} correspond à plusieurs rôles (${p.matches}) ; indiquez la clé du rôle`,
  },
  unknown_user_type: {
    en: (p, l) => `Unknown user type ${q(p.value, l)}${has(p, 'known') ? `. Give a user type's key or name, e.g. ${p.known}` : ''}`,
    fr: (p, l) => `Type d’utilisateur inconnu ${q(p.value, l)}${has(p, 'known') ? `. Indiquez la clé ou le nom d’un type d’utilisateur, par exemple : ${p.known}` : ''}`,
  },
  ambiguous_user_type: {
    en: (p, l) => `User type ${q(p.value, l)} matches several user types (${p.matches}); give the user type's key`,
    fr: (p, l) =>
      `Le type d’utilisateur ${q(p.value, l)} correspond à plusieurs types (${p.matches}) ; indiquez la clé du type d’utilisateur`,
  },
  incompatible_role: {
    en: (p, l) =>
      `Role ${q(p.role, l)} is not compatible with user type ${q(p.userType, l)}; compatible roles: ${p.compatible || 'none'}`,
    fr: (p, l) =>
      `Le rôle ${q(p.roleFr, l)} n’est pas compatible avec le type d’utilisateur ${q(p.userTypeFr, l)} ; rôles compatibles : ${p.compatibleFr || 'aucun'}`,
  },
  role_not_allowed: {
    en: (p, l) => `Role ${q(p.role, l)} can't be given when adding members; give it once the member exists`,
    fr: (p, l) => `Le rôle ${q(p.roleFr, l)} ne peut pas être attribué à l’ajout ; attribuez-le une fois le membre créé`,
  },
  administrator_not_allowed: {
    en: (p, l) =>
      p.reason === 'administrators_only'
        ? `Only administrators can give the role ${q(p.role, l)}`
        : p.reason === 'not_activated'
          ? `The role ${q(p.role, l)} can be given once the member has activated their account`
          : `Role ${q(p.role, l)} can't be given when adding members; give it once the member exists`,
    fr: (p, l) =>
      p.reason === 'administrators_only'
        ? `Seuls les administrateurs peuvent attribuer le rôle ${q(p.roleFr, l)}`
        : p.reason === 'not_activated'
          ? `Le rôle ${q(p.roleFr, l)} pourra être attribué une fois que le membre aura activé son compte`
          : `Le rôle ${q(p.roleFr, l)} ne peut pas être attribué à l’ajout ; attribuez-le une fois le membre créé`,
  },
  privilege_above_own: {
    en: (p, l) => `Role ${q(p.role, l)} gives more privileges than your own${has(p, 'areas') ? ` (${areasIn(p, 'en')})` : ''}; choose another role or ask an administrator`,
    fr: (p, l) => `Le rôle ${q(p.roleFr, l)} donne plus de privilèges que les vôtres${has(p, 'areas') ? ` (${areasIn(p, 'fr')})` : ''} ; choisissez un autre rôle ou demandez à un administrateur`,
  },
  unknown_identity_type: {
    en: (p, l) => `Unknown identity type ${q(p.value, l)}; use SAML or OIDC`,
    fr: (p, l) => `Type d’identité inconnu ${q(p.value, l)} ; indiquez SAML ou OIDC`,
  },
  identity_type_not_configured: {
    en: (p) => `${p.value} logins are not configured for this organization; use ${p.configured}`,
    fr: (p) => `Les connexions ${p.value} ne sont pas configurées pour cette organisation ; indiquez ${p.configured}`,
  },
  duplicate_in_file: {
    en: (p, l) => `Username ${q(p.username, l)} is already used on row ${p.firstRow} of this file`,
    fr: (p, l) => `Le nom d’utilisateur ${q(p.username, l)} figure déjà à la ligne ${p.firstRow} de ce fichier`,
  },
  username_taken: {
    en: (p, l) => `Username ${q(p.username, l)} is already taken in this organization`,
    fr: (p, l) => `Le nom d’utilisateur ${q(p.username, l)} est déjà pris dans cette organisation`,
  },
  extra_cells: {
    en: (p) => `This row has ${p.cells} values but the header has ${p.columns} columns; put values containing the separator in double quotes`,
    fr: (p) =>
      `Cette ligne contient ${p.cells} valeurs alors que l’en-tête a ${p.columns} colonnes ; mettez entre guillemets les valeurs qui contiennent le séparateur`,
  },
  missing_cells: {
    en: (p) =>
      `This row has ${p.cells} values but the header has ${p.columns} columns: a value is missing and the others can't be put in their columns; give every value (empty ones too) and upload again, or type the row here`,
    fr: (p) =>
      `Cette ligne contient ${p.cells} valeurs alors que l’en-tête a ${p.columns} colonnes : une valeur manque et les autres ne peuvent pas être rangées dans leurs colonnes ; indiquez toutes les valeurs (même vides) puis chargez de nouveau le fichier, ou saisissez la ligne ici`,
  },
  malformed_row: {
    en: (p) =>
      p.reason === 'unclosed'
        ? 'A value in this row opens a double quote that is never closed; the rest of the file was read as part of it'
        : 'A value in this row has a misplaced double quote (the lines after it may have been read into it); put the whole value in double quotes and double the quotes inside it',
    fr: (p) =>
      p.reason === 'unclosed'
        ? "Une valeur de cette ligne ouvre des guillemets jamais refermés ; la suite du fichier a été lue comme faisant partie de cette valeur"
        : 'Une valeur de cette ligne contient des guillemets mal placés (les lignes suivantes ont pu y être lues) ; mettez toute la valeur entre guillemets et doublez les guillemets internes',
  },
  trimmed: {
    en: (p, l) => `Spaces around ${col(p, l)} were removed`,
    fr: (p, l) => `Les espaces autour de ${q(col(p, l), l)} ont été supprimés`,
  },
} satisfies Partial<Record<MessageCode, Wording>>;
