/** Two-letter monogram for avatars: "Élodie Martin" → "ÉM". */
export function initials(firstName: string, lastName: string, fallback: string): string {
  const letters = `${firstName.trim().charAt(0)}${lastName.trim().charAt(0)}`;
  return (letters || fallback.slice(0, 2)).toLocaleUpperCase();
}

/**
 * The palettes an avatar's initials are drawn from (`<Avatar color="initials">`, set in the
 * theme): each one's light variant reaches 4.5:1 (apps/web/test/contrast.test.ts).
 */
export const INITIALS_COLORS = ['blue', 'cyan', 'grape', 'green', 'indigo', 'orange', 'pink', 'red', 'teal', 'violet', 'lime'] as const;
