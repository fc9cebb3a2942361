import type { ReactNode } from "react";

/**
 * French words from the team (a place's name, an address) inside a page in any language: isolated
 * and left to right, so an Arabic sentence around them cannot reorder « 14 rue de Verdun », and
 * read with a French voice.
 */
export function FrenchText({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <bdi lang="fr" dir="ltr" className={className}>
      {children}
    </bdi>
  );
}
