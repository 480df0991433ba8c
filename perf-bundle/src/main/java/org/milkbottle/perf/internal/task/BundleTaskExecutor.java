package org.milkbottle.perf.internal.task;

import java.util.List;

import org.milkbottle.perf.api.Batch;
import org.milkbottle.perf.api.TaskExecutor;
import org.milkbottle.perf.api.TaskInfo;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.util.promise.Promise;

/**
 * The {@link TaskExecutor} a bundle gets: one instance per bundle (bundle scope), over that bundle's queue in
 * the {@link TaskRegistry}. SCR deactivates it when the bundle releases the service, by ungetting it or by
 * stopping, which is when the bundle's tasks are cancelled.
 */
@Component(service = TaskExecutor.class, scope = ServiceScope.BUNDLE)
public class BundleTaskExecutor implements TaskExecutor {

    private final TaskRegistry registry;
    private final BundleTasks tasks;

    @Activate
    public BundleTaskExecutor(@Reference TaskRegistry registry, ComponentContext context) {
        Bundle user = context.getUsingBundle();
        this.registry = registry;
        this.tasks = registry.open(user.getBundleId(), user.getSymbolicName());
    }

    @Deactivate
    void deactivate() {
        registry.close(tasks);
    }

    @Override
    public <T> Promise<T> submit(String description, Task<T> task) {
        return tasks.submit(description, task);
    }

    @Override
    public <I, R> Batch<R> batch(String description, List<I> items, Work<I, R> work) {
        return tasks.batch(description, items, work);
    }

    @Override
    public List<TaskInfo> tasks() {
        return tasks.tasks();
    }
}
