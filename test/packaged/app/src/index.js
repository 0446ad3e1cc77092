// The whole integration a user writes: import the element; the page's <confidant-assistant> does the rest.
import 'confidant-assistant/widget';
