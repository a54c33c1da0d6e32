/** What any part of the panel can do: ask, call, open the callback form. */
export interface Actions {
  ask(text: string): void;
  openCallback(): void;
  onCall(): void;
  phone: string;
  telHref: string;
}
