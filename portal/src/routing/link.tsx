import type { ComponentChildren } from "preact";
import { navigate } from "./navigation";

interface LinkProps {
  href: string;
  class?: string;
  title?: string;
  "aria-current"?: "page";
  children: ComponentChildren;
}

/** An ordinary link (middle-click, copy address and screen readers work) that changes page without reloading. */
export function Link({ href, children, ...rest }: LinkProps) {
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
