import { Link } from "../routing/link";

export function NotFoundPage() {
  return (
    <>
      <h1>There is no such page</h1>
      <p>
        Check the address, or <Link href="/">verify a certificate</Link>.
      </p>
    </>
  );
}
