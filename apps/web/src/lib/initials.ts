/** Two-letter monogram for avatars: "Élodie Martin" → "ÉM". */
export function initials(firstName: string, lastName: string, fallback: string): string {
  const letters = `${firstName.trim().charAt(0)}${lastName.trim().charAt(0)}`;
  return (letters || fallback.slice(0, 2)).toLocaleUpperCase();
}
