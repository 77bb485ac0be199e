// Staff route: the whole message catalogue (see app/_ui/staff-messages.tsx).
export { default } from "@/app/_ui/staff-messages";
