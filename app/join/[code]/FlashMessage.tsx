import theme from "../../_ui/participant-theme.module.css";
import styles from "./participant.module.css";

/** Why the server refused a move ("Time is up…"), with a way to put it away. */
export function FlashMessage({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div className={`${theme.alert} ${styles.flash}`} role="alert">
      <p>{message}</p>
      <button type="button" className={`${theme.buttonQuiet} ${theme.buttonSmall}`} onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
