// Submits forms marked data-autosubmit once the page has loaded; without JavaScript their button does it.
document.querySelectorAll("form[data-autosubmit]").forEach((form) => form.submit());
