// Marks the moment just before the widget's script is evaluated.
performance.mark('widget-script');
