package org.milkbottle.itests.blocking;

/** A Declarative Services component whose activate method does not return and shrugs off interrupts. */
public class NeverActivatingComponent {

    /** Set by the test to let {@link #activate} return. */
    public static volatile boolean released;

    public void activate() {
        while (!released) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // an adversary: keep going
            }
        }
    }
}
