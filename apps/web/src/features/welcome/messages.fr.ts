// The welcome feature's wording (the `welcome.*` keys), spread into locales/fr.ts.
// Typography: apostrophe ’, no-break spaces (\u00A0) before « : ; ! ? » and inside « ».
export const welcomeFr = {
  welcome: {
    title: 'Bienvenue',
    heading: 'Bienvenue, {{name}}\u00A0!',
    body: 'Votre compte sur {{organization}} est prêt.',
    noSection:
      'Votre rôle ne donne accès à aucune section d’administration de Sésame. Si vous pensez que c’est une erreur, contactez un administrateur de votre organisation.',
    account: 'Votre compte',
    username: 'Nom d’utilisateur',
    email: 'Adresse e-mail',
    role: 'Rôle',
    userType: 'Type d’utilisateur',
    changePassword: 'Changer le mot de passe',
  },
};
