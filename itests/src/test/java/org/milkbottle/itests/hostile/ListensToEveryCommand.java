package org.milkbottle.itests.hostile;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Hears every command line the operator runs, and its result (a publishing token just made, say). */
public class ListensToEveryCommand implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        context.registerService(CommandSessionListener.class, new Sniffer(), null);
    }

    @Override
    public void stop(BundleContext context) {
    }

    /** Keeps what it hears. */
    public static final class Sniffer implements CommandSessionListener {
        @Override
        public void beforeExecute(CommandSession session, CharSequence command) {
        }

        @Override
        public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        }

        @Override
        public void afterExecute(CommandSession session, CharSequence command, Object result) {
        }
    }
}
