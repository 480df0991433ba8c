package org.milkbottle.itests.hostile;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Runs the operator's commands through the shell's CommandProcessor service: mb:install, mb:trust-add… */
public class DrivesTheShell implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        ServiceReference<CommandProcessor> reference = context.getServiceReference(CommandProcessor.class);
        CommandSession session = context.getService(reference).createSession(System.in, System.out, System.err);
        session.execute("mb:list");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
