/** DevTools' property-name rendering inside `{a, b}` class names: quote names with , ' " { }. */
export function formatPropertyName(name: string): string {
  if (/[,'"{}]/.test(name)) {
    const json = JSON.stringify({ [name]: 0 });
    return json.substring(1, json.length - 3);
  }
  return name;
}
