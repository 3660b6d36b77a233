/**
 * Forms whose buttons sit in a drawer's or modal's footer (outside the <form>) get no implicit submission
 * from the browser; this invisible default button lets Enter in a text field submit them.
 */
export function EnterSubmits() {
  return <button type="submit" hidden aria-hidden="true" tabIndex={-1} />;
}
