import type { WidgetSettings } from "../../shared/protocol";
import type { CardKind } from "../cards";
import { h } from "./dom";
import { offlineForm, preChatForm, ratingForm, type ContactDetails } from "./forms";

export interface CardActions {
  /** Resolves once the server has stored the rating; rejects with the reason otherwise. */
  rate(score: number, comment?: string): Promise<void>;
  contact(details: ContactDetails): void;
}

/** Builds the card for a kind and keeps it while the kind stays the same, so what the visitor typed is not lost. */
export class CardView {
  private kind: CardKind = "";
  private el: HTMLElement | null = null;

  constructor(private readonly actions: CardActions) {}

  element(kind: CardKind, s: WidgetSettings | undefined): HTMLElement | null {
    if (kind !== this.kind) {
      this.kind = kind;
      this.el = s ? this.make(kind, s) : null;
    }
    return this.el;
  }

  private make(kind: CardKind, s: WidgetSettings): HTMLElement | null {
    switch (kind) {
      case "rating":
        return ratingForm((score, comment) => this.actions.rate(score, comment));
      case "thanks":
        return h("div", { class: "card" }, h("p", null, "Thank you for your feedback."));
      case "offline":
        return offlineForm(s.offlineMessage, (d) => this.actions.contact(d));
      case "prechat":
        return preChatForm(s.greeting || "Tell us a little about you.", s.preChatForm.fields, (d) => this.actions.contact(d));
      default:
        return null;
    }
  }
}
