// Live total of the installment builder: sums the amounts as typed, in the currency's minor units so that no
// floating-point rounding shows, and marks amounts that are not numbers. The engine still checks every amount.
(() => {
  const table = document.getElementById("installments");
  if (!table) {
    return;
  }
  const decimals = Number(table.dataset.decimals || 2);
  const total = document.getElementById("installment-total");
  const count = document.getElementById("installment-count");
  const amountPattern = new RegExp("^\\d+(\\.\\d{0," + decimals + "})?$");

  const minorUnits = (text) => {
    const [whole, fraction = ""] = text.split(".");
    return BigInt(whole) * 10n ** BigInt(decimals) + BigInt((fraction + "0".repeat(decimals)).slice(0, decimals) || "0");
  };
  const format = (units) => {
    const scale = 10n ** BigInt(decimals);
    const whole = units / scale;
    const fraction = (units % scale).toString().padStart(decimals, "0");
    return decimals === 0 ? whole.toString() : whole + "." + fraction;
  };
  const update = () => {
    let sum = 0n;
    let counted = 0;
    table.querySelectorAll(".installment-amount").forEach((input) => {
      const text = input.value.trim();
      const valid = text === "" || amountPattern.test(text);
      input.classList.toggle("is-invalid", !valid);
      if (text !== "" && valid) {
        sum += minorUnits(text);
        counted += 1;
      }
    });
    total.textContent = format(sum);
    count.textContent = "(" + counted + ")";
  };
  table.addEventListener("input", update);
  update();
})();
