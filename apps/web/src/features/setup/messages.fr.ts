// The setup feature's wording (the `setup.*` keys), spread into locales/fr.ts.
// Typography: apostrophe ’, no-break spaces (\u00A0) before « : ; ! ? » and inside « ».
export const setupFr = {
  setup: {
    title: 'Configuration initiale',
    subtitle: 'Créez votre organisation et son premier administrateur avec le jeton affiché par le serveur au démarrage.',
    token: 'Jeton de configuration',
    tokenHint: 'Affiché une seule fois dans la console du serveur, avec l’adresse de cette page.',
    organizationTitle: 'Organisation',
    name: 'Nom de l’organisation',
    slug: 'Identifiant d’adresse',
    slugRule: 'Lettres minuscules et chiffres, mots séparés par un trait d’union, de 2 à 63\u00A0caractères. Proposé d’après le nom.',
    administratorTitle: 'Premier administrateur',
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'Adresse e-mail',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    confirm: 'Confirmation du mot de passe',
    submit: 'Créer l’organisation',
    errorTitle: 'Configuration impossible',
    invalid: {
      token: 'Saisissez le jeton affiché par le serveur.',
      name: 'Saisissez le nom de l’organisation (200\u00A0caractères au plus).',
      slug: 'L’identifiant d’adresse ne suit pas la règle ci-dessus.',
      firstName: 'Saisissez le prénom.',
      lastName: 'Saisissez le nom.',
      email: 'Saisissez une adresse e-mail valide.',
      username: 'De 6 à 128\u00A0caractères ASCII, sans espace ni accent.',
      password: 'Au moins 8\u00A0caractères, dont au moins une lettre et un chiffre.',
      confirmPassword: 'Les deux mots de passe ne correspondent pas.',
    },
    done: {
      title: 'Configuration terminée',
      body: 'Cette instance a déjà son organisation. Connectez-vous avec votre compte.',
      signIn: 'Aller à la connexion',
    },
  },
};
