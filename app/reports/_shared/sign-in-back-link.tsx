"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { signInPath } from "@/lib/auth/callback-url";

/** A link to /signin that comes back to this page (path and query) afterwards. The 401 page gets
 *  no props, so the address is read here; signInPath keeps only same-site paths. */
export function SignInBackLink({ className, children }: { className?: string; children: ReactNode }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <Link className={className} href={signInPath(search ? `${pathname}?${search}` : pathname)} prefetch={false}>
      {children}
    </Link>
  );
}
